package jp.sitesign.desktop.admin;

import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/**
 * 利用者管理: search the company's users, register (the one-time password is handed out once), edit,
 * suspend, resume and delete. Which of these the logged-in user may do to the selected user is the
 * access policy's answer, with its reason for a disabled control.
 */
public final class UsersViewModel {
    static final int PAGE = 50;

    private final AdminClient client;
    private final AdminTasks tasks;

    private final StringProperty idFilter = new SimpleStringProperty(this, "idFilter", "");
    private final StringProperty nameFilter = new SimpleStringProperty(this, "nameFilter", "");
    private final StringProperty departmentFilter = new SimpleStringProperty(this, "departmentFilter", "");
    private final StringProperty titleFilter = new SimpleStringProperty(this, "titleFilter", "");
    private final ObjectProperty<Role> roleFilter = new SimpleObjectProperty<>(this, "roleFilter");
    private final ObjectProperty<UserStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");

    private final ObservableList<UserView> users = FXCollections.observableArrayList();
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total", 0);
    private final IntegerProperty offset = new SimpleIntegerProperty(this, "offset", 0);
    private final ObjectProperty<UserView> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final ReadOnlyObjectWrapper<AdminClient.Registered> registered =
            new ReadOnlyObjectWrapper<>(this, "registered");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    private final ObjectBinding<Decision> editDecision;
    private final ObjectBinding<Decision> suspendDecision;
    private final ObjectBinding<Decision> resumeDecision;
    private final ObjectBinding<Decision> deleteDecision;
    private final ObjectBinding<Decision> grantDecision;
    private final ObjectBinding<Decision> withdrawAuthorityDecision;
    private final ObservableList<AdminClient.Certificate> bindableCertificates = FXCollections.observableArrayList();
    private final BooleanBinding canRegister;
    private final javafx.beans.binding.StringBinding pageText;

    public UsersViewModel(AdminClient client, AdminTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        editDecision = decision(Action.EDIT_USER, null);
        suspendDecision = decision(Action.SUSPEND_USER, UserStatus.ACTIVE);
        resumeDecision = decision(Action.RESUME_USER, UserStatus.SUSPENDED);
        deleteDecision = decision(Action.DELETE_USER, null);
        grantDecision = decision(Action.SET_SIGNING_AUTHORITY, UserStatus.ACTIVE);
        withdrawAuthorityDecision = Bindings.createObjectBinding(() -> {
            UserView u = selected.get();
            return u == null || !u.signingAuthority() ? null : grantDecision.get();
        }, selected, grantDecision);
        canRegister = Bindings.createBooleanBinding(() -> access.get() != null
                && !registrableRoles().isEmpty(), access);
        pageText = Bindings.createStringBinding(() -> total.get() == 0
                ? tasks.bundle().getString("admin.page.none")
                : I18n.format(tasks.bundle(), "admin.users.page", offset.get() + 1,
                        Math.min(total.get(), offset.get() + users.size()), total.get()), users, total, offset);
    }

    /** Loads who the user is (for the policy) and the first page of users. */
    public void refresh() {
        offset.set(0);
        load();
    }

    public void search() {
        offset.set(0);
        load();
    }

    public void nextPage() {
        if (offset.get() + PAGE < total.get()) {
            offset.set(offset.get() + PAGE);
            load();
        }
    }

    public void previousPage() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE));
            load();
        }
    }

    private void load() {
        AdminClient.UserSearch filter = new AdminClient.UserSearch(idFilter.get(), nameFilter.get(),
                departmentFilter.get(), titleFilter.get(), roleFilter.get(), statusFilter.get());
        int from = offset.get();
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            boolean certificates = me.onCompany(Action.MANAGE_CERTIFICATES).allowed();
            return new Loaded(me, me.administers() ? client.users(filter, from, PAGE) : null,
                    certificates ? client.certificates().stream().filter(CertificatesViewModel::bindable).toList()
                            : List.of());
        }, loaded -> {
            access.set(loaded.access());
            bindableCertificates.setAll(loaded.certificates());
            if (loaded.page() == null) {
                users.clear();
                total.set(0);
                tasks.error().set(tasks.reason(loaded.access().onCompany(Action.VIEW_USERS)));
                return;
            }
            String keep = selected.get() == null ? null : selected.get().id();
            users.setAll(loaded.page().items());
            total.set(loaded.page().total());
            selected.set(users.stream().filter(u -> u.id().equals(keep)).findFirst().orElse(null));
        });
    }

    private record Loaded(AdminAccess access, AdminClient.UserPage page, List<AdminClient.Certificate> certificates) {
    }

    /** The roles this user may hand out to a new user (never the owner). */
    public List<Role> registrableRoles() {
        AdminAccess a = access.get();
        return a == null ? List.of()
                : Arrays.stream(Role.values()).filter(r -> a.register(r).allowed()).toList();
    }

    /** Registers a user; on success {@link #registeredProperty()} holds the one-time password until acknowledged. */
    public void register(AdminClient.UserForm form) {
        register(form, () -> { });
    }

    /**
     * Registers a user; {@code onSaved} runs first once the server has accepted (the form then closes), so a
     * refusal leaves the form open with what was typed and the server's message in {@link #errorProperty()}.
     */
    public void register(AdminClient.UserForm form, Runnable onSaved) {
        tasks.run(() -> client.register(form), r -> {
            onSaved.run();
            registered.set(r);
            message.set(I18n.format(tasks.bundle(), "admin.users.registered", r.user().id()));
            load();
        });
    }

    /** The dialog showing the one-time password was closed: the password is forgotten here for good. */
    public void acknowledgeOneTimePassword() {
        registered.set(null);
    }

    /** Saves an edit of the selected user, based on the revision shown. */
    public void edit(AdminClient.UserForm form) {
        edit(form, () -> { });
    }

    /** As {@link #register(AdminClient.UserForm, Runnable)}: {@code onSaved} only once the server accepted. */
    public void edit(AdminClient.UserForm form, Runnable onSaved) {
        UserView target = selected.get();
        if (target == null) {
            return;
        }
        Decision d = access.get().onUser(Action.EDIT_USER, target, form.role());
        if (d.denied()) {
            tasks.error().set(tasks.reason(d));
            return;
        }
        tasks.run(() -> client.update(target.id(), target.revision(), form), u -> {
            onSaved.run();
            done("admin.users.updated", u);
        });
    }

    public void suspend() {
        UserView target = selected.get();
        if (target != null) {
            tasks.run(() -> client.suspend(target.id()), u -> done("admin.users.suspended", u));
        }
    }

    public void resume() {
        UserView target = selected.get();
        if (target != null) {
            tasks.run(() -> client.resume(target.id()), u -> done("admin.users.resumed", u));
        }
    }

    /** Asks whether to delete the selected user ({@link #deleteQuestion()}) and deletes only on yes. */
    public void askDelete() {
        ResourceBundle b = tasks.bundle();
        if (tasks.dialogs().confirm(new DialogService.Question(DialogService.Tone.WARNING,
                b.getString("admin.users.deleteTitle"), b.getString("admin.users.deleteTitle"), deleteQuestion(),
                b.getString("admin.users.deleteConfirm"), b.getString("admin.users.cancel"), null))) {
            delete();
        }
    }

    /** Deletes the selected user; {@link #askDelete()} asks for confirmation first. */
    public void delete() {
        UserView target = selected.get();
        if (target != null) {
            tasks.run(() -> client.delete(target.id()), u -> done("admin.users.deleted", u));
        }
    }

    /** Gives the selected user 署名権限 by binding them to the company certificate {@code certificateNumber}. */
    public void grantSigningAuthority(String certificateNumber) {
        UserView target = selected.get();
        if (target != null && certificateNumber != null && AdminTasks.allowed(grantDecision.get())) {
            tasks.run(() -> client.grantSigningAuthority(target.id(), certificateNumber),
                    u -> done("admin.users.authorityGranted", u));
        }
    }

    /** Takes the selected user's 署名権限 away: they are unbound from every company certificate. */
    public void withdrawSigningAuthority() {
        UserView target = selected.get();
        if (target != null && AdminTasks.allowed(withdrawAuthorityDecision.get())) {
            tasks.run(() -> client.withdrawSigningAuthority(target.id()),
                    u -> done("admin.users.authorityWithdrawn", u));
        }
    }

    /** The company's certificates a user can be bound to now (valid or not yet valid). */
    public ObservableList<AdminClient.Certificate> bindableCertificates() {
        return bindableCertificates;
    }

    public ObjectBinding<Decision> grantDecision() {
        return grantDecision;
    }

    public ObjectBinding<Decision> withdrawAuthorityDecision() {
        return withdrawAuthorityDecision;
    }

    /** The confirmation question for deleting the selected user. */
    public String deleteQuestion() {
        UserView u = selected.get();
        return u == null ? "" : I18n.format(tasks.bundle(), "admin.users.deleteQuestion", u.name(), u.id());
    }

    private void done(String key, UserView changed) {
        message.set(I18n.format(tasks.bundle(), key, changed.name(), changed.id()));
        load();
    }

    private ObjectBinding<Decision> decision(Action action, UserStatus requiredStatus) {
        return Bindings.createObjectBinding(() -> {
            UserView u = selected.get();
            AdminAccess a = access.get();
            if (u == null || a == null) {
                return null;
            }
            Decision d = a.onUser(action, u, null);
            if (d.allowed() && requiredStatus != null && u.status() != requiredStatus) {
                return null;
            }
            return d;
        }, selected, access);
    }

    public String roleLabel(Role role) {
        return role == null ? "" : tasks.language().pick(role.labelJa(), role.labelEn());
    }

    public String statusLabel(UserStatus status) {
        return status == null ? "" : tasks.language().pick(status.labelJa(), status.labelEn());
    }

    /** The reason a control for {@code d} is disabled, for its tooltip. */
    public String reason(Decision d) {
        return d == null ? "" : tasks.reason(d);
    }


    public StringProperty idFilterProperty() {
        return idFilter;
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public StringProperty departmentFilterProperty() {
        return departmentFilter;
    }

    public StringProperty titleFilterProperty() {
        return titleFilter;
    }

    public ObjectProperty<Role> roleFilterProperty() {
        return roleFilter;
    }

    public ObjectProperty<UserStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<UserView> users() {
        return users;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty offsetProperty() {
        return offset;
    }

    public ObjectProperty<UserView> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<AdminAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** The user just registered and their one-time password, until {@link #acknowledgeOneTimePassword()}. */
    public ReadOnlyObjectProperty<AdminClient.Registered> registeredProperty() {
        return registered.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return tasks.error();
    }

    public javafx.beans.property.BooleanProperty busyProperty() {
        return tasks.busy();
    }

    public ObjectBinding<Decision> editDecision() {
        return editDecision;
    }

    public ObjectBinding<Decision> suspendDecision() {
        return suspendDecision;
    }

    public ObjectBinding<Decision> resumeDecision() {
        return resumeDecision;
    }

    public ObjectBinding<Decision> deleteDecision() {
        return deleteDecision;
    }

    public BooleanBinding canRegister() {
        return canRegister;
    }

    /** The page as a sentence: "51–100 / 120 件". */
    public javafx.beans.binding.StringBinding pageText() {
        return pageText;
    }
}
