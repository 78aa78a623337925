package jp.sitesign.desktop.admin;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import jp.sitesign.desktop.admin.AdminClient.Certificate;
import jp.sitesign.desktop.admin.AdminClient.CertificateState;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/**
 * 電子証明書: the company's signing certificates with their validity and bound users, registering one from
 * a file, and binding or unbinding a user (which gives or takes 署名権限). The access policy decides what
 * is offered; the server checks the certificate itself and has the last word.
 */
public final class CertificatesViewModel {
    /** A certificate this close to its end is highlighted so that a new one can be applied for in time. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private final AdminClient client;
    private final AdminTasks tasks;
    private final Clock clock;

    private final ObservableList<Certificate> certificates = FXCollections.observableArrayList();
    private final ObservableList<UserView> users = FXCollections.observableArrayList();
    private final ObjectProperty<Certificate> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<UserView> userToBind = new SimpleObjectProperty<>(this, "userToBind");
    private final StringProperty boundUserToUnbind = new SimpleStringProperty(this, "boundUserToUnbind");
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectBinding<Decision> manageDecision;
    private final ObjectBinding<Decision> bindDecision;
    private final ObjectBinding<Decision> unbindDecision;

    public CertificatesViewModel(AdminClient client, AdminTasks tasks, Clock clock) {
        this.client = client;
        this.tasks = tasks;
        this.clock = clock;
        manageDecision = Bindings.createObjectBinding(() -> access.get() == null ? null
                : access.get().onCompany(Action.MANAGE_CERTIFICATES), access);
        bindDecision = Bindings.createObjectBinding(() -> {
            Certificate c = selected.get();
            UserView u = userToBind.get();
            if (c == null || u == null || access.get() == null || !bindable(c)) {
                return null;
            }
            return access.get().onUser(Action.SET_SIGNING_AUTHORITY, u, null);
        }, selected, userToBind, access);
        unbindDecision = Bindings.createObjectBinding(() -> {
            Certificate c = selected.get();
            UserView u = user(boundUserToUnbind.get());
            if (c == null || u == null || access.get() == null) {
                return null;
            }
            return access.get().onUser(Action.SET_SIGNING_AUTHORITY, u, null);
        }, selected, boundUserToUnbind, access, users);
    }

    /** Loads who the user is (for the policy), the certificates and the users that can be bound. */
    public void refresh() {
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            if (me.onCompany(Action.MANAGE_CERTIFICATES).denied()) {
                return new Loaded(me, List.of(), List.of());
            }
            List<UserView> active = client.users(new AdminClient.UserSearch(null, null, null, null, null,
                    UserStatus.ACTIVE), 0, 500).items();
            return new Loaded(me, client.certificates(), active);
        }, this::show);
    }

    private record Loaded(AdminAccess access, List<Certificate> certificates, List<UserView> users) {
    }

    private void show(Loaded loaded) {
        access.set(loaded.access());
        Decision d = loaded.access().onCompany(Action.MANAGE_CERTIFICATES);
        if (d.denied()) {
            tasks.error().set(tasks.reason(d));
        }
        users.setAll(loaded.users());
        String keep = selected.get() == null ? null : selected.get().number();
        certificates.setAll(loaded.certificates());
        selected.set(certificates.stream().filter(c -> c.number().equals(keep)).findFirst().orElse(null));
    }

    /**
     * Registers the certificate in a file's bytes (PEM or DER). A file that holds no certificate, or a chain
     * with more than one end-entity certificate, is refused here with a sentence saying what to choose.
     */
    public void register(byte[] file) {
        byte[] der;
        try {
            der = signingCertificate(file);
        } catch (IllegalArgumentException e) {
            tasks.error().set(e.getMessage());
            return;
        }
        tasks.run(() -> client.registerCertificate(der), c -> {
            message.set(I18n.format(tasks.bundle(), "admin.certs.registered", c.number()));
            selected.set(c);
            refresh();
        });
    }

    private byte[] signingCertificate(byte[] file) {
        List<X509Certificate> all;
        try {
            all = CertificatePem.decode(file);
        } catch (CertificateException e) {
            all = List.of();
        }
        List<X509Certificate> endEntities = all.stream().filter(c -> c.getBasicConstraints() < 0).toList();
        if (all.isEmpty()) {
            throw new IllegalArgumentException(tasks.bundle().getString("admin.certs.notACertificate"));
        }
        if (endEntities.size() != 1) {
            throw new IllegalArgumentException(tasks.bundle().getString(endEntities.isEmpty()
                    ? "admin.certs.onlyCa" : "admin.certs.severalCertificates"));
        }
        try {
            return endEntities.get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(tasks.bundle().getString("admin.certs.notACertificate"));
        }
    }

    /** Binds {@link #userToBindProperty()} to the selected certificate. */
    public void bind() {
        Certificate c = selected.get();
        UserView u = userToBind.get();
        if (c == null || u == null || !AdminTasks.allowed(bindDecision.get())) {
            return;
        }
        tasks.run(() -> client.bind(c.number(), u.id()), changed -> {
            message.set(I18n.format(tasks.bundle(), "admin.certs.bound", u.name(), u.id(), c.number()));
            userToBind.set(null);
            selected.set(changed);
            refresh();
        });
    }

    /** Unbinds {@link #boundUserToUnbindProperty()} from the selected certificate. */
    public void unbind() {
        Certificate c = selected.get();
        String userId = boundUserToUnbind.get();
        if (c == null || userId == null || !AdminTasks.allowed(unbindDecision.get())) {
            return;
        }
        tasks.run(() -> client.unbind(c.number(), userId), changed -> {
            message.set(I18n.format(tasks.bundle(), "admin.certs.unbound", userName(userId), userId, c.number()));
            boundUserToUnbind.set(null);
            selected.set(changed);
            refresh();
        });
    }

    /** Only a certificate within or before its validity can be bound; expired and revoked ones cannot. */
    public static boolean bindable(Certificate c) {
        return c.state() == CertificateState.VALID || c.state() == CertificateState.NOT_YET_VALID;
    }

    /** Whole JST calendar days from today to the last day of validity (negative once past). */
    public long daysLeft(Certificate c) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), JapanTime.ZONE);
        return ChronoUnit.DAYS.between(today, LocalDate.ofInstant(c.notAfter(), JapanTime.ZONE));
    }

    /** The validity as the table shows it: "2026-01-01 〜 2027-01-01（あと 12 日）", or the state when not valid. */
    public String validityText(Certificate c) {
        String range = date(c.notBefore()) + " 〜 " + date(c.notAfter());
        String state = c.state() == CertificateState.VALID
                ? I18n.format(tasks.bundle(), "admin.certs.daysLeft", daysLeft(c))
                : stateLabel(c.state());
        return range + "（" + state + "）";
    }

    /** Whether the row should be highlighted: not usable, or valid for no more than {@link #EXPIRY_WARNING_DAYS}. */
    public boolean needsAttention(Certificate c) {
        return c.state() != CertificateState.VALID || daysLeft(c) <= EXPIRY_WARNING_DAYS;
    }

    public String stateLabel(CertificateState state) {
        return tasks.bundle().getString("admin.certs.state." + state.name());
    }

    /** The bound users as "name（id）", joined. */
    public String boundUsersText(Certificate c) {
        return c.bindings().stream().map(b -> userName(b.userId()) + "（" + b.userId() + "）")
                .collect(Collectors.joining("、"));
    }

    public String subjectText(Certificate c) {
        return java.util.stream.Stream.of(c.organization(), c.department(), c.title(), c.commonName())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" / "));
    }

    private String userName(String id) {
        UserView u = user(id);
        return u == null ? id : u.name();
    }

    private UserView user(String id) {
        if (id == null) {
            return null;
        }
        Map<String, UserView> byId = users.stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        return byId.get(id);
    }

    private String date(java.time.Instant instant) {
        return tasks.date(instant);
    }

    public String reason(Decision d) {
        return d == null ? "" : tasks.reason(d);
    }


    public ObservableList<Certificate> certificates() {
        return certificates;
    }

    /** The company's active users, to choose whom to bind. */
    public ObservableList<UserView> users() {
        return users;
    }

    public ObjectProperty<Certificate> selectedProperty() {
        return selected;
    }

    public ObjectProperty<UserView> userToBindProperty() {
        return userToBind;
    }

    /** The id of one of the selected certificate's bound users, to unbind. */
    public StringProperty boundUserToUnbindProperty() {
        return boundUserToUnbind;
    }

    public ReadOnlyObjectProperty<AdminAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    public ObjectBinding<Decision> manageDecision() {
        return manageDecision;
    }

    public ObjectBinding<Decision> bindDecision() {
        return bindDecision;
    }

    public ObjectBinding<Decision> unbindDecision() {
        return unbindDecision;
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
