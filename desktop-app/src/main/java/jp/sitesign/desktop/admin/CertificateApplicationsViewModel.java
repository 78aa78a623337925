package jp.sitesign.desktop.admin;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.admin.AdminClient.Application;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;

/**
 * 証明書の申請: the company's applications for additional signing certificates with their status, and a
 * new application. The service operator fulfils them (there is no approval inside the company), so the
 * screen shows whether each is waiting or which certificate fulfilled it.
 */
public final class CertificateApplicationsViewModel {
    private final AdminClient client;
    private final AdminTasks tasks;
    private final ObservableList<Application> applications = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectBinding<Decision> applyDecision;

    public CertificateApplicationsViewModel(AdminClient client, AdminTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        applyDecision = Bindings.createObjectBinding(() -> access.get() == null ? null
                : access.get().onCompany(Action.APPLY_FOR_CERTIFICATE), access);
    }

    public void refresh() {
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            return new Loaded(me, me.onCompany(Action.APPLY_FOR_CERTIFICATE).allowed() ? client.applications()
                    : List.of());
        }, loaded -> {
            access.set(loaded.access());
            applications.setAll(loaded.applications());
            Decision d = loaded.access().onCompany(Action.APPLY_FOR_CERTIFICATE);
            if (d.denied()) {
                tasks.error().set(tasks.reason(d));
            }
        });
    }

    private record Loaded(AdminAccess access, List<Application> applications) {
    }

    /** Sends an application; {@code onSent} runs once the server has accepted it (the form then closes). */
    public void apply(AdminClient.ApplicationForm form, Runnable onSent) {
        tasks.run(() -> client.apply(form), a -> {
            onSent.run();
            message.set(I18n.format(tasks.bundle(), "admin.apps.sent", a.id()));
            refresh();
        });
    }

    /** A moment in JST in the chosen date style. */
    public String dateTime(java.time.Instant instant) {
        return tasks.dateTime(instant);
    }

    public String statusText(Application a) {
        return a.status() == AdminClient.ApplicationStatus.FULFILLED
                ? I18n.format(tasks.bundle(), "admin.apps.fulfilled", a.certificateNumber(),
                        tasks.dateTime(a.fulfilledAt()))
                : tasks.bundle().getString("admin.apps.pending");
    }

    public String holderText(Application a) {
        AdminClient.Holder h = a.holder();
        return h == null ? "" : String.join(" / ", nonNull(h.name()), nonNull(h.department()), nonNull(h.title()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    public String reason(Decision d) {
        return d == null ? "" : tasks.reason(d);
    }

    public ObservableList<Application> applications() {
        return applications;
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

    public StringProperty errorProperty() {
        return tasks.error();
    }

    public BooleanProperty busyProperty() {
        return tasks.busy();
    }
}
