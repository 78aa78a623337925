package jp.sitesign.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnershipIT {
    private static final String METHOD = "SiteSign による電子契約（PDF に電子署名とタイムスタンプを付与）。"
            + "書面の交付に代えて、電子データを SiteSign 上で送付します。";

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;
    static String aAdmin;
    static String aMember;
    static String bAdmin;
    static String bMember;
    static String cAdmin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        c = server.createCompany("無関係商事株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        bMember = api().login(b.member().value(), TestServer.PASSWORD);
        cAdmin = api().login(c.admin().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void consentIsGivenByTheCounterpartyToTheExactMethodTextAndCanBeWithdrawn() {
        ApiClient.Response proposed = api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", METHOD));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();
        assertThat(proposed.json().get("ourConsent").get("consentedBy").asText()).isEqualTo(a.admin().value());
        assertThat(proposed.json().get("theirConsent").isNull()).isTrue();
        assertThatThrownBy(() -> requireConsent(a.id(), b.id())).isInstanceOf(SiteSignException.class)
                .hasMessageContaining(b.id().value());

        JsonNode seenByB = api().get("/api/v1/partnerships/" + id, bMember).json();
        assertThat(seenByB.get("counterpartyId").asText()).isEqualTo(a.id().value());
        assertThat(seenByB.get("counterpartyName").asText()).isEqualTo("元請建設株式会社");
        assertThat(seenByB.get("methodDescription").asText()).isEqualTo(METHOD);
        String sha = Digests.sha256Hex(METHOD.getBytes(StandardCharsets.UTF_8));
        assertThat(seenByB.get("methodSha256").asText()).isEqualTo(sha);

        ApiClient.Response byMember = api().post("/api/v1/partnerships/" + id + "/consent", bMember,
                Map.of("methodSha256", sha));
        assertThat(byMember.status()).isEqualTo(403);
        ApiClient.Response otherText = api().post("/api/v1/partnerships/" + id + "/consent", bAdmin,
                Map.of("methodSha256", "0".repeat(64)));
        assertThat(otherText.status()).isEqualTo(409);
        assertThat(api().get("/api/v1/partnerships/" + id, bAdmin).json().get("ourConsent").isNull()).isTrue();

        ApiClient.Response consented = api().post("/api/v1/partnerships/" + id + "/consent", bAdmin,
                Map.of("methodSha256", sha));
        assertThat(consented.status()).isEqualTo(200);
        assertThat(consented.json().get("ourConsent").get("consentedBy").asText()).isEqualTo(b.admin().value());
        assertThat(consented.json().get("ourConsent").get("consentedAt").asText()).isNotEmpty();
        requireConsent(a.id(), b.id());
        requireConsent(b.id(), a.id());

        ApiClient.Response withdrawn = api().post("/api/v1/partnerships/" + id + "/withdraw-consent", bAdmin, "");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("ourConsent").get("withdrawnBy").asText()).isEqualTo(b.admin().value());
        assertThatThrownBy(() -> requireConsent(a.id(), b.id())).isInstanceOf(SiteSignException.class);
        assertThat(api().get("/api/v1/audit?action=CONSENT_WITHDRAWN", bAdmin).json().get("items")).hasSize(1);
        assertThat(api().get("/api/v1/audit?action=CONSENT_GIVEN", bAdmin).json().get("items")).hasSize(1);
    }

    @Test
    void onlyThePartnersSeeAPartnershipAndOnlyAdminsPropose() {
        ApiClient.Response proposed = api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(c), "methodDescription", METHOD));
        assertThat(proposed.status()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();
        assertThat(api().get("/api/v1/partnerships/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/partnerships", bAdmin).json().get("items"))
                .noneMatch(p -> p.get("id").asLong() == id);
        assertThat(api().get("/api/v1/partnerships", cAdmin).json().get("items"))
                .anyMatch(p -> p.get("id").asLong() == id);
        assertThat(api().post("/api/v1/partnerships/" + id + "/consent", bAdmin,
                Map.of("methodSha256", proposed.json().get("methodSha256").asText())).status()).isEqualTo(404);

        assertThat(api().post("/api/v1/partnerships", aMember,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", METHOD)).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/partnerships/invitations", bMember, Map.of()).status())
                .as("only admins invite").isEqualTo(403);
    }

    @Test
    void badProposalsAreRefusedWithAReason() {
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(a), "methodDescription", METHOD)).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api().post("/api/v1/partnerships", aAdmin, Map.of("methodDescription", METHOD)).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(api().post("/api/v1/partnerships", aAdmin, Map.of("corporateNumber", "12",
                "invitationCode", server.invitationOf(b), "methodDescription", METHOD)).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", " ")).code())
                .isEqualTo("INVALID_FIELD");
        ApiClient.Response dup1 = api().post("/api/v1/partnerships", bAdmin,
                Map.of("invitationCode", server.invitationOf(c), "methodDescription", METHOD));
        assertThat(dup1.status()).isEqualTo(201);
        ApiClient.Response dup2 = api().post("/api/v1/partnerships", cAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", METHOD));
        assertThat(dup2.status()).isEqualTo(409);
        assertThat(dup2.json().get("messageJa").asText()).contains("既に");
    }

    @Test
    void aProposalWithoutAMatchingInvitationLearnsNothing_whetherTheCompanyExistsOrNot() {
        String number = jp.sitesign.model.company.CorporateNumber.checkDigit("123456789012") + "123456789012";
        TestServer.TestCompany numbered = server.createCompany("法人番号建設株式会社", number);
        String code = server.invitationOf(numbered);
        String otherNumber = jp.sitesign.model.company.CorporateNumber.checkDigit("987654321098") + "987654321098";

        List<ApiClient.Response> misses = List.of(
                propose(aAdmin, otherNumber, code), // a wrong 法人番号 with a good code
                propose(aAdmin, number, "ZZZZ-ZZZZ-ZZZZ"), // the right number, a code nobody issued
                propose(aAdmin, otherNumber, "ZZZZ-ZZZZ-ZZZZ"), // nothing right
                propose(aAdmin, null, code)); // the number left out

        for (ApiClient.Response miss : misses) {
            assertThat(miss.status()).as(miss.toString()).isEqualTo(404);
            assertThat(miss.body()).isEqualTo(misses.get(0).body()).doesNotContain("法人番号建設")
                    .doesNotContain(numbered.id().value());
        }
        ApiClient.Response typed = propose(aAdmin, number, code.toLowerCase().replace("-", " "));
        assertThat(typed.status()).as("the code as people type it: " + typed).isEqualTo(201);
        assertThat(typed.json().get("counterpartyId").asText()).isEqualTo(numbered.id().value());
        assertThat(propose(cAdmin, number, code).status()).as("a code is used once").isEqualTo(404);
        assertThat(api().get("/api/v1/audit?action=PARTNERSHIP_INVITATION_ISSUED", api().login(numbered.admin().value(),
                TestServer.PASSWORD)).json().get("items")).isNotEmpty();
    }

    @Test
    void aCompanysProposalsAreLimitedPerDay_refusedOnesCountToo() {
        TestServer.TestCompany eager = server.createCompany("営業熱心建設株式会社");
        String admin = api().login(eager.admin().value(), TestServer.PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertThat(propose(admin, null, "GUES-SING-" + String.format("%04d", i)).status()).isEqualTo(404);
        }

        ApiClient.Response limited = propose(admin, null, server.invitationOf(c));

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_PROPOSALS");
        assertThat(limited.json().get("messageJa").asText()).contains("1 日 20 件");
        assertThat(propose(aAdmin, null, server.invitationOf(eager)).status()).as("another company").isEqualTo(201);
    }

    @Test
    void anExpiredInvitationIsNoInvitation() {
        TestServer.TestCompany late = server.createCompany("期限切れ工業株式会社");
        String code = server.invitationOf(late);
        server.clock().advance(java.time.Duration.ofDays(15));
        try {
            String fresh = api().login(a.admin().value(), TestServer.PASSWORD);
            assertThat(propose(fresh, null, code).status()).isEqualTo(404);
        } finally {
            server.clock().advance(java.time.Duration.ofDays(-15));
        }
    }

    private static ApiClient.Response propose(String token, String corporateNumber, String code) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("invitationCode", code, "methodDescription", METHOD));
        if (corporateNumber != null) {
            body.put("corporateNumber", corporateNumber);
        }
        return api().post("/api/v1/partnerships", token, body);
    }

    private static void requireConsent(CompanyId sender, CompanyId recipient) {
        server.context().db().read(conn -> {
            server.context().partnerships().requireConsent(conn, sender, recipient);
            return null;
        });
    }

    private static ApiClient api() {
        return server.api();
    }
}
