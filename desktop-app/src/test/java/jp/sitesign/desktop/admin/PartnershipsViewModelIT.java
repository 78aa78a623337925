package jp.sitesign.desktop.admin;

import java.util.Map;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** 取引先と承諾 through its view model: the counterparty records, withdraws and gives its 承諾 again. */
class PartnershipsViewModelIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany proposer;
    static TestServer.TestCompany partner;
    static AdminClient partnerAdmin;
    static AdminClient partnerMember;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        proposer = server.createCompany("元請建設株式会社");
        partner = server.createCompany("協力工業株式会社");
        String token = server.api().login(proposer.admin().value(), TestServer.PASSWORD);
        ApiClient.Response r = server.api().post("/api/v1/partnerships", token, Map.of("invitationCode", server.invitationOf(partner), "methodDescription", "SiteSign による電子契約（PAdES 署名・タイムスタンプ付き）"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        partnerAdmin = fx.clientOf(partner.admin());
        partnerMember = fx.clientOf(partner.member());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PartnershipsViewModel vm(AdminClient client, Language language) {
        return vm(client, language, new ScriptedDialogs());
    }

    private static PartnershipsViewModel vm(AdminClient client, Language language, ScriptedDialogs dialogs) {
        PartnershipsViewModel vm = new PartnershipsViewModel(client, AdminFixture.tasks(language, dialogs));
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.selectedProperty().set(vm.partnerships().get(0));
        return vm;
    }

    @Test
    void theCounterpartyConsents_withdrawsWithAnExplanation_andConsentsAgain() {
        ScriptedDialogs dialogs = new ScriptedDialogs().confirm(false).confirm(true);
        PartnershipsViewModel vm = vm(partnerAdmin, Language.JA, dialogs);
        Partnership p = vm.selectedProperty().get();
        assertThat(vm.partnerName(p)).contains("元請建設株式会社", proposer.id().value());
        assertThat(vm.consentText(p.theirConsent())).startsWith("承諾済み").contains(proposer.admin().value());
        if (p.ourConsent() != null && p.ourConsent().inForce()) {
            vm.withdraw();
        }
        assertThat(vm.withdrawDecision().get()).as("nothing to withdraw").isNull();
        assertThat(AdminTasks.allowed(vm.consentDecision().get())).isTrue();

        vm.consent();
        assertThat(vm.errorProperty().get()).isEmpty();
        Partnership consented = vm.selectedProperty().get();
        assertThat(consented.ourConsent().inForce()).isTrue();
        assertThat(vm.consentText(consented.ourConsent())).startsWith("承諾済み").contains(partner.admin().value());
        assertThat(PartnershipsViewModel.bothInForce(consented)).isTrue();
        assertThat(vm.consentDecision().get()).as("already consented").isNull();

        assertThat(vm.withdrawQuestion()).contains("元請建設株式会社", "新たに送付できなくなります", "5条の5");
        vm.askWithdraw();
        assertThat(dialogs.asked()).singleElement().asString().contains("新たに送付できなくなります");
        assertThat(vm.selectedProperty().get().ourConsent().inForce()).as("declined: still in force").isTrue();
        vm.askWithdraw();
        assertThat(vm.errorProperty().get()).isEmpty();
        Partnership withdrawn = vm.selectedProperty().get();
        assertThat(withdrawn.ourConsent().inForce()).isFalse();
        assertThat(vm.consentText(withdrawn.ourConsent())).startsWith("撤回").contains(partner.admin().value());
        assertThat(vm.messageProperty().get()).contains("撤回しました");

        PartnershipsViewModel proposerView = vm(fx.clientOf(proposer.admin()), Language.EN);
        assertThat(proposerView.consentText(proposerView.selectedProperty().get().theirConsent()))
                .startsWith("Withdrawn");
    }

    @Test
    void oneAdminIssuesAnInvitationCode_anotherProposesWithItAndTheNumber_aWrongCodeIsSaidInWords() {
        TestServer.TestCompany newcomer = server.createCompany("新規設備株式会社");
        PartnershipsViewModel inviting = new PartnershipsViewModel(fx.clientOf(newcomer.admin()),
                AdminFixture.tasks(Language.JA));
        inviting.refresh();
        inviting.invite();
        String code = inviting.invitationCodeProperty().get();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(inviting.messageProperty().get()).contains(code, "法人番号");

        PartnershipsViewModel proposing = new PartnershipsViewModel(fx.clientOf(proposer.admin()),
                AdminFixture.tasks(Language.JA));
        proposing.refresh();
        int before = proposing.partnerships().size();
        proposing.proposalCodeProperty().set("AAAA-BBBB-CCCC");
        proposing.propose();
        assertThat(proposing.errorProperty().get()).contains("招待コード");
        assertThat(proposing.partnerships()).hasSize(before);

        proposing.proposalCodeProperty().set(code);
        proposing.propose();
        assertThat(proposing.errorProperty().get()).isEmpty();
        assertThat(proposing.partnerships()).hasSize(before + 1);
        assertThat(proposing.messageProperty().get()).contains("新規設備株式会社", "申請しました");
        assertThat(proposing.proposalCodeProperty().get()).as("cleared for the next one").isEmpty();

        PartnershipsViewModel member = new PartnershipsViewModel(fx.clientOf(newcomer.member()),
                AdminFixture.tasks(Language.EN));
        member.refresh();
        assertThat(AdminTasks.allowed(member.manageDecision().get())).isFalse();
    }

    @Test
    void theEnglishWithdrawQuestionNamesThePartner() {
        PartnershipsViewModel vm = vm(partnerAdmin, Language.EN);
        assertThat(vm.withdrawQuestion()).contains("company's consent").contains("元請建設株式会社")
                .doesNotContain("{0}");
    }

    @Test
    void aMemberSeesThePartnersButCannotConsentOrWithdraw() {
        PartnershipsViewModel vm = vm(partnerMember, Language.EN);
        assertThat(vm.partnerships()).hasSize(1);
        Partnership p = vm.selectedProperty().get();
        boolean inForce = p.ourConsent() != null && p.ourConsent().inForce();
        var decision = inForce ? vm.withdrawDecision().get() : vm.consentDecision().get();
        assertThat(AdminTasks.allowed(decision)).isFalse();
        assertThat(vm.reason(decision)).isEqualTo(Denial.ROLE_REQUIRED.reasonEn());
    }
}
