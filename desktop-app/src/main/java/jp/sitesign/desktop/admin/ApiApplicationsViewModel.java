package jp.sitesign.desktop.admin;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.admin.IntegrationClient.ApiApplication;
import jp.sitesign.desktop.admin.IntegrationClient.Delivery;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.integration.AllowedAddresses;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;

/**
 * API 連携: the company's applications for API use with the operator's review (審査中・承認済・却下・一時停止・取消
 * and the reason), a new application, the key shown once after approval (a new key only after asking, since it
 * stops the old one), and an application's webhook delivery log. Owners and admins only (the policy's
 * APPLY_FOR_API_USE); the allowed addresses are checked with common-model's rule before anything is sent.
 */
public final class ApiApplicationsViewModel {
    private final IntegrationClient client;
    private final AdminTasks tasks;
    private final ObservableList<ApiApplication> applications = FXCollections.observableArrayList();
    private final ObservableList<Delivery> deliveries = FXCollections.observableArrayList();
    private final ObjectProperty<ApiApplication> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty addressError = new SimpleStringProperty(this, "addressError", "");
    private final ObjectBinding<Decision> applyDecision;

    public ApiApplicationsViewModel(IntegrationClient client, AdminTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        applyDecision = Bindings.createObjectBinding(() -> access.get() == null ? null
                : access.get().onCompany(Action.APPLY_FOR_API_USE), access);
    }

    public void refresh() {
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            return new Loaded(me, me.onCompany(Action.APPLY_FOR_API_USE).allowed() ? client.applications()
                    : List.of());
        }, loaded -> {
            ApiApplication was = selected.get();
            access.set(loaded.access());
            applications.setAll(loaded.applications());
            selected.set(was == null ? null : loaded.applications().stream()
                    .filter(a -> a.id().equals(was.id())).findFirst().orElse(null));
            Decision d = loaded.access().onCompany(Action.APPLY_FOR_API_USE);
            if (d.denied()) {
                tasks.error().set(tasks.reason(d));
            }
        });
    }

    private record Loaded(AdminAccess access, List<ApiApplication> applications) {
    }

    /**
     * Sends an application; {@code onSent} runs once the server accepted it (the form then closes). Addresses that
     * are not IP addresses or CIDR blocks are refused here, under their field, and nothing is sent.
     *
     * @param addresses the form's text: one block per line (commas also separate)
     */
    public void apply(String name, String purpose, List<ApiScope> scopes, String addresses, String contact,
            Runnable onSent) {
        List<String> blocks = Arrays.stream(addresses == null ? new String[0] : addresses.split("[,\\r\\n]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            AllowedAddresses.canonical(blocks);
            addressError.set("");
        } catch (SiteSignException e) {
            addressError.set(tasks.message(e));
            return;
        }
        if (scopes.isEmpty()) {
            tasks.error().set(tasks.bundle().getString("admin.api.scopeRequired"));
            return;
        }
        IntegrationClient.ApiApplicationForm form = new IntegrationClient.ApiApplicationForm(name, purpose,
                scopes.stream().map(ApiScope::wireName).toList(), blocks, contact);
        tasks.run(() -> client.apply(form), a -> {
            onSent.run();
            message.set(I18n.format(tasks.bundle(), "admin.api.sent", a.id()));
            refresh();
        });
    }

    /** Whether the selected application may have a key now: approved, and the user may manage API use. */
    public boolean canTakeKey(ApiApplication a) {
        return a != null && a.status().keyUsable() && AdminTasks.allowed(applyDecision.get());
    }

    /**
     * Issues the key of {@code a} and hands it to {@code show} once (it is never shown again). When a key was issued
     * before, asks first: the new key stops the old one at once.
     */
    public void takeKey(ApiApplication a, Consumer<String> show) {
        if (!canTakeKey(a)) {
            tasks.error().set(tasks.bundle().getString("admin.api.keyNotApproved"));
            return;
        }
        if (a.keyIssuedAt() != null && !tasks.dialogs().confirm(new DialogService.Question(DialogService.Tone.WARNING,
                tasks.bundle().getString("admin.api.rotateTitle"), null,
                I18n.format(tasks.bundle(), "admin.api.rotateText", a.id()),
                tasks.bundle().getString("admin.api.rotateConfirm"), tasks.bundle().getString("admin.api.cancel"),
                "rotateKeyQuestion"))) {
            return;
        }
        tasks.run(() -> client.issueKey(a.id()), key -> {
            show.accept(key);
            message.set(I18n.format(tasks.bundle(), "admin.api.keyIssuedMessage", a.id()));
            refresh();
        });
    }

    /** Loads the webhook delivery log of {@code a}, newest first. */
    public void showDeliveries(ApiApplication a) {
        if (a == null) {
            tasks.error().set(tasks.bundle().getString("admin.api.noneSelected"));
            return;
        }
        tasks.run(() -> client.deliveries(a.id()), deliveries::setAll);
    }

    /** 審査中・承認済・却下・一時停止・取消 in the screen's language. */
    public String statusText(ApiApplication a) {
        return tasks.language().pick(a.status().labelJa(), a.status().labelEn());
    }

    public String reasonText(ApiApplication a) {
        return a.statusReason() == null ? "" : a.statusReason();
    }

    public String scopesText(ApiApplication a) {
        return String.join(", ", a.scopes().stream().sorted().map(ApiScope::wireName).toList());
    }

    /** A scope's name for a check box: the wire name and what it allows. */
    public String scopeLabel(ApiScope s) {
        return s.wireName() + "（" + tasks.language().pick(s.labelJa(), s.labelEn()) + "）";
    }

    public String deliveryStatusText(Delivery d) {
        String key = "admin.api.delivery." + d.status();
        return tasks.bundle().containsKey(key) ? tasks.bundle().getString(key) : d.status();
    }

    public String lastResultText(Delivery d) {
        if (d.lastStatusCode() != null) {
            return "HTTP " + d.lastStatusCode();
        }
        return d.lastError() == null ? "" : d.lastError();
    }

    public String dateTime(java.time.Instant instant) {
        return tasks.dateTime(instant);
    }

    public String reason(Decision d) {
        return d == null ? "" : tasks.reason(d);
    }

    public ObservableList<ApiApplication> applications() {
        return applications;
    }

    public ObservableList<Delivery> deliveries() {
        return deliveries;
    }

    public ObjectProperty<ApiApplication> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<AdminAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    public ObjectBinding<Decision> applyDecision() {
        return applyDecision;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Why the allowed addresses were refused, shown under that field; empty when they are fine. */
    public StringProperty addressErrorProperty() {
        return addressError;
    }

    public StringProperty errorProperty() {
        return tasks.error();
    }

    public BooleanProperty busyProperty() {
        return tasks.busy();
    }
}
