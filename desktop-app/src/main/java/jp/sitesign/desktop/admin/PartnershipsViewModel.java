package jp.sitesign.desktop.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Decision;

/**
 * 取引先と承諾: the partner companies with both sides' 承諾 to electronic contracting (建設業法施行令 5条の5),
 * who gave it and when; recording the company's own 承諾 to the method text shown, and withdrawing it.
 */
public final class PartnershipsViewModel {
    private final AdminClient client;
    private final AdminTasks tasks;
    private final ObservableList<Partnership> partnerships = FXCollections.observableArrayList();
    private final ObjectProperty<Partnership> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AdminAccess> access = new ReadOnlyObjectWrapper<>(this, "access");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectBinding<Decision> consentDecision;
    private final ObjectBinding<Decision> withdrawDecision;
    private final ObjectBinding<Decision> manageDecision;
    private final StringProperty invitationCode = new SimpleStringProperty(this, "invitationCode", "");
    private final StringProperty proposalNumber = new SimpleStringProperty(this, "proposalNumber", "");
    private final StringProperty proposalCode = new SimpleStringProperty(this, "proposalCode", "");
    private final StringProperty proposalMethod = new SimpleStringProperty(this, "proposalMethod", "");

    public PartnershipsViewModel(AdminClient client, AdminTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        consentDecision = decision(false);
        withdrawDecision = decision(true);
        manageDecision = Bindings.createObjectBinding(() -> access.get() == null ? null
                : access.get().onCompany(Action.MANAGE_PARTNERSHIPS), access);
        proposalMethod.set(tasks.bundle().getString("admin.partners.defaultMethod"));
    }

    /**
     * Issues an invitation code of the company (ADR 22): shown once, to hand to the company that is to propose
     * together with the company's 法人番号.
     */
    public void invite() {
        if (!AdminTasks.allowed(manageDecision.get())) {
            return;
        }
        tasks.run(client::invite, invitation -> {
            invitationCode.set(invitation.code());
            message.set(I18n.format(tasks.bundle(), "admin.partners.invited", invitation.code(),
                    tasks.dateTime(invitation.expiresAt())));
        });
    }

    /** Proposes a partnership with the 法人番号 and invitation code the other company's admin gave. */
    public void propose() {
        if (!AdminTasks.allowed(manageDecision.get())) {
            return;
        }
        String number = proposalNumber.get();
        String code = proposalCode.get();
        String method = proposalMethod.get();
        tasks.run(() -> client.propose(number, code, method), proposed -> {
            proposalNumber.set("");
            proposalCode.set("");
            done("admin.partners.proposedTo", proposed);
        });
    }

    /** Enabled for a partnership whose own 承諾 is (for withdraw) or is not (for consent) in force. */
    private ObjectBinding<Decision> decision(boolean needsConsentInForce) {
        return Bindings.createObjectBinding(() -> {
            Partnership p = selected.get();
            if (p == null || access.get() == null || inForce(p.ourConsent()) != needsConsentInForce) {
                return null;
            }
            return access.get().onCompany(Action.MANAGE_PARTNERSHIPS);
        }, selected, access);
    }

    public void refresh() {
        tasks.run(() -> {
            AdminAccess me = AdminAccess.of(client.me());
            return new Loaded(me, me.onCompany(Action.VIEW_PARTNERSHIPS).allowed() ? client.partnerships()
                    : List.of());
        }, loaded -> {
            access.set(loaded.access());
            long keep = selected.get() == null ? -1 : selected.get().id();
            partnerships.setAll(loaded.partnerships());
            selected.set(partnerships.stream().filter(p -> p.id() == keep).findFirst().orElse(null));
        });
    }

    private record Loaded(AdminAccess access, List<Partnership> partnerships) {
    }

    /**
     * Records the company's 承諾 to the method description on screen: its SHA-256 is computed here from the
     * text the user read, so a description changed in the meantime is refused by the server.
     */
    public void consent() {
        Partnership p = selected.get();
        if (p == null || !AdminTasks.allowed(consentDecision.get())) {
            return;
        }
        String shown = Digests.sha256Hex(p.methodDescription().getBytes(StandardCharsets.UTF_8));
        tasks.run(() -> client.consent(p.id(), shown), changed -> done("admin.partners.consented", changed));
    }

    /** Asks whether to withdraw the company's 承諾 ({@link #withdrawQuestion()}) and withdraws only on yes. */
    public void askWithdraw() {
        java.util.ResourceBundle b = tasks.bundle();
        if (tasks.dialogs().confirm(new DialogService.Question(DialogService.Tone.WARNING,
                b.getString("admin.partners.withdrawTitle"), b.getString("admin.partners.withdrawTitle"),
                withdrawQuestion(), b.getString("admin.partners.withdrawConfirm"), b.getString("admin.users.cancel"),
                null))) {
            withdraw();
        }
    }

    /** Withdraws the company's 承諾; {@link #askWithdraw()} asks first. */
    public void withdraw() {
        Partnership p = selected.get();
        if (p == null || !AdminTasks.allowed(withdrawDecision.get())) {
            return;
        }
        tasks.run(() -> client.withdrawConsent(p.id()), changed -> done("admin.partners.withdrawn", changed));
    }

    /** What withdrawing means, for the confirmation. */
    public String withdrawQuestion() {
        Partnership p = selected.get();
        return p == null ? "" : I18n.format(tasks.bundle(), "admin.partners.withdrawQuestion", partnerName(p));
    }

    private void done(String key, Partnership changed) {
        message.set(I18n.format(tasks.bundle(), key, partnerName(changed)));
        selected.set(changed);
        refresh();
    }

    public String partnerName(Partnership p) {
        return p.counterpartyName() + "（" + p.counterpartyId().value() + "）";
    }

    /** A 承諾 as one cell: "承諾済み 2026-01-05 10:00 U00000002", "撤回 …", or "未承諾". */
    public String consentText(Partnership.Consent c) {
        if (c == null) {
            return tasks.bundle().getString("admin.partners.noConsent");
        }
        if (!c.inForce()) {
            return I18n.format(tasks.bundle(), "admin.partners.withdrawnAt", tasks.dateTime(c.withdrawnAt()),
                    c.withdrawnBy());
        }
        return I18n.format(tasks.bundle(), "admin.partners.consentedAt", tasks.dateTime(c.consentedAt()),
                c.consentedBy());
    }

    /** Whether new construction contracts can be sent both ways. */
    public static boolean bothInForce(Partnership p) {
        return inForce(p.ourConsent()) && inForce(p.theirConsent());
    }

    private static boolean inForce(Partnership.Consent c) {
        return c != null && c.inForce();
    }

    /** A moment in JST in the chosen date style. */
    public String dateTime(java.time.Instant instant) {
        return tasks.dateTime(instant);
    }

    public String reason(Decision d) {
        return d == null ? "" : tasks.reason(d);
    }


    public ObservableList<Partnership> partnerships() {
        return partnerships;
    }

    public ObjectProperty<Partnership> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<AdminAccess> accessProperty() {
        return access.getReadOnlyProperty();
    }

    public ObjectBinding<Decision> consentDecision() {
        return consentDecision;
    }

    public ObjectBinding<Decision> withdrawDecision() {
        return withdrawDecision;
    }

    /** Issuing an invitation and proposing: owners and admins. */
    public ObjectBinding<Decision> manageDecision() {
        return manageDecision;
    }

    public StringProperty invitationCodeProperty() {
        return invitationCode;
    }

    public StringProperty proposalNumberProperty() {
        return proposalNumber;
    }

    public StringProperty proposalCodeProperty() {
        return proposalCode;
    }

    public StringProperty proposalMethodProperty() {
        return proposalMethod;
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
