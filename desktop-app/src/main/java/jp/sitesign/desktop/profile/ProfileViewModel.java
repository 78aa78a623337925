package jp.sitesign.desktop.profile;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.sitesign.desktop.admin.OnlineOnlyException;
import jp.sitesign.desktop.login.PasswordChangeViewModel;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.ProfileRules;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.model.user.UserView;

/**
 * 自分の情報: who the user is (ID, company and role, read-only), their own name, kana and email to edit, and
 * the password change, which is the forced change's own {@link PasswordChangeViewModel} (same checks, same
 * server call, same re-wrapping of the local store). The fields are checked with the server's
 * {@link ProfileRules} before sending. Online only: offline the saved copy of the account is shown and
 * nothing can be changed, with a message saying so.
 */
public final class ProfileViewModel {
    private final ResourceBundle bundle;
    private final Language language;
    private final ProfileClient client;
    private final Supplier<Optional<UserView>> cached;
    private final Executor background;
    private final Executor ui;
    private final PasswordChangeViewModel password;

    private final ReadOnlyStringWrapper userId = new ReadOnlyStringWrapper(this, "userId", "");
    private final ReadOnlyStringWrapper company;
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty nameKana = new SimpleStringProperty(this, "nameKana", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", false);
    private final BooleanBinding canSave;
    private long revision;

    /**
     * @param cached the account as the last sync brought it (shown while offline)
     * @param companyName the user's company as the server named it at login
     * @param password the password change of this session (its "done" is reported through {@link #passwordChanged})
     */
    public ProfileViewModel(ResourceBundle bundle, ProfileClient client, Supplier<Optional<UserView>> cached,
            String companyName, PasswordChangeViewModel password, Executor background, Executor ui) {
        this.bundle = bundle;
        this.language = Language.of(bundle);
        this.client = client;
        this.cached = cached;
        this.password = password;
        this.background = background;
        this.ui = ui;
        this.company = new ReadOnlyStringWrapper(this, "company", companyName == null ? "" : companyName);
        canSave = Bindings.createBooleanBinding(() -> online.get() && !busy.get(), online, busy);
    }

    /** Reads the account from the server; offline, shows the saved copy and says that changes need the server. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            try {
                UserView me = client.me();
                ui.execute(() -> {
                    show(me);
                    online.set(true);
                    busy.set(false);
                    error.set("");
                });
            } catch (RuntimeException e) {
                String text = message(e);
                Optional<UserView> saved = cached.get();
                ui.execute(() -> {
                    saved.ifPresent(this::show);
                    online.set(false);
                    busy.set(false);
                    error.set(text);
                });
            }
        });
    }

    /** Saves the name, kana and email when they pass the profile rules. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        status.set("");
        List<ProfileRules.Problem> problems = ProfileRules.check(
                new UserProfile(name.get(), nameKana.get(), email.get(), null, null));
        if (!problems.isEmpty()) {
            error.set(String.join(" ", problems.stream().map(p -> language.pick(p.messageJa(), p.messageEn()))
                    .toList()));
            return;
        }
        String n = name.get().strip();
        String k = nameKana.get().strip();
        String m = email.get().strip();
        long base = revision;
        error.set("");
        busy.set(true);
        background.execute(() -> {
            try {
                UserView saved = client.update(base, n, k, m);
                ui.execute(() -> {
                    show(saved);
                    busy.set(false);
                    status.set(bundle.getString("profile.saved"));
                });
            } catch (RuntimeException e) {
                String text = message(e);
                boolean offline = e instanceof OnlineOnlyException || e instanceof OfflineException;
                ui.execute(() -> {
                    busy.set(false);
                    if (offline) {
                        online.set(false);
                    }
                    error.set(text);
                });
            }
        });
    }

    /** Called when the password change succeeded (the password section's "done"). */
    public void passwordChanged() {
        error.set("");
        status.set(bundle.getString("passwordChange.done"));
    }

    private void show(UserView me) {
        userId.set(me.id());
        role.set(me.role() == null ? "" : language.pick(me.role().labelJa(), me.role().labelEn()));
        if (company.get().isEmpty()) {
            company.set(me.companyId());
        }
        name.set(nullToEmpty(me.name()));
        nameKana.set(nullToEmpty(me.nameKana()));
        email.set(nullToEmpty(me.email()));
        revision = me.revision();
    }

    private String message(RuntimeException e) {
        if (e instanceof OnlineOnlyException || e instanceof OfflineException) {
            return bundle.getString("profile.onlineOnly");
        }
        if (e instanceof SiteSignException s) {
            return UserMessages.of(s, language);
        }
        return I18n.format(bundle, "profile.failed", String.valueOf(e.getMessage()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public PasswordChangeViewModel password() {
        return password;
    }

    public ReadOnlyStringProperty userIdProperty() {
        return userId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty companyProperty() {
        return company.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty nameKanaProperty() {
        return nameKana;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public BooleanBinding canSave() {
        return canSave;
    }
}
