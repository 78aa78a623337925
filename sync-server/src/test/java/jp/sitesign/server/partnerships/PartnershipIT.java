package jp.sitesign.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
                Map.of("counterpartyId", b.id().value(), "methodDescription", METHOD));
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
                Map.of("counterpartyId", c.id().value(), "methodDescription", METHOD));
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
                Map.of("counterpartyId", b.id().value(), "methodDescription", METHOD)).status()).isEqualTo(403);
    }

    @Test
    void badProposalsAreRefusedWithAReason() {
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("counterpartyId", a.id().value(), "methodDescription", METHOD)).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("counterpartyId", "C00000000", "methodDescription", METHOD)).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("counterpartyId", "X1", "methodDescription", METHOD)).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().post("/api/v1/partnerships", aAdmin,
                Map.of("counterpartyId", b.id().value(), "methodDescription", " ")).code()).isEqualTo("INVALID_FIELD");
        ApiClient.Response dup1 = api().post("/api/v1/partnerships", bAdmin,
                Map.of("counterpartyId", c.id().value(), "methodDescription", METHOD));
        assertThat(dup1.status()).isEqualTo(201);
        ApiClient.Response dup2 = api().post("/api/v1/partnerships", cAdmin,
                Map.of("counterpartyId", b.id().value(), "methodDescription", METHOD));
        assertThat(dup2.status()).isEqualTo(409);
        assertThat(dup2.json().get("messageJa").asText()).contains("既に");
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
