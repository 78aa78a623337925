package jp.sitesign.server.companies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.audit.AuditQuery;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's company commands: sign-up prints the owner's one-time password, which must be changed
 * at first login; termination (利用契約終了) ends the company's sessions at once and shuts its members out,
 * leaves its owner and admins only reading until the purge, and touches nobody else.
 */
class TerminationIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void companyCreateJsonGivesIdsAndAOneTimePasswordTheOwnerMustChangeFirst() throws Exception {
        OperatorCli.Result r = OperatorCli.run(server, "company", "create", "--name", "新規契約建設株式会社",
                "--name-kana", "シンキケイヤクケンセツ", "--owner-name", "新規 責任者", "--owner-kana", "シンキ セキニンシャ",
                "--owner-email", "owner@example.invalid", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode created = new ObjectMapper().readTree(r.out());
        String companyId = created.get("companyId").asText();
        String ownerId = created.get("ownerId").asText();
        String oneTime = created.get("oneTimePassword").asText();
        assertThat(companyId).matches("C\\d{8}");
        assertThat(ownerId).matches("U\\d{8}");
        assertThat(oneTime).isNotBlank();

        ApiClient.Response login = api().post("/api/v1/auth/login", null,
                Map.of("userId", ownerId, "password", oneTime));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(login.json().get("companyId").asText()).isEqualTo(companyId);
        assertThat(login.json().get("role").asText()).isEqualTo("OWNER");
        String token = login.json().get("token").asText();
        assertThat(api().get("/api/v1/users", token).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(api().get("/api/v1/notices", token).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(api().get("/api/v1/me", token).status()).isEqualTo(200);

        assertThat(api().post("/api/v1/me/password", token,
                Map.of("currentPassword", oneTime, "newPassword", "Owner-chose-this-88")).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/users", token).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("userId", ownerId, "password", oneTime)).code())
                .isEqualTo("LOGIN_FAILED");
        ApiClient.Response again = api().post("/api/v1/auth/login", null,
                Map.of("userId", ownerId, "password", "Owner-chose-this-88"));
        assertThat(again.json().get("mustChangePassword").asBoolean()).isFalse();
        assertThat(events(companyId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.COMPANY_CREATED);
            assertThat(e.actor()).isEqualTo("operator");
        });
    }

    @Test
    void terminationEndsTheCompanysSessionsAndLoginsAtOnceAndLeavesOtherCompaniesAlone() {
        TestServer.TestCompany ending = server.createCompany("契約終了予定建設");
        TestServer.TestCompany staying = server.createCompany("契約継続工務店");
        List<String> endingTokens = List.of(login(ending.owner()), login(ending.admin()), login(ending.member()));
        String stayingAdmin = login(staying.admin());
        endingTokens.forEach(t -> assertThat(api().get("/api/v1/me", t).status()).isEqualTo(200));

        OperatorCli.Result r = OperatorCli.run(server, "company", "terminate", "--company", ending.id().value());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(ending.id().value());

        for (String token : endingTokens) {
            ApiClient.Response me = api().get("/api/v1/me", token);
            assertThat(me.status()).isEqualTo(401);
            assertThat(api().get("/api/v1/notices", token).status()).isEqualTo(401);
        }
        for (UserId user : List.of(ending.member(), ending.member2())) {
            ApiClient.Response login = api().post("/api/v1/auth/login", null,
                    Map.of("userId", user.value(), "password", TestServer.PASSWORD));
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.code()).isEqualTo("ACCOUNT_UNAVAILABLE");
        }
        for (UserId user : List.of(ending.owner(), ending.admin())) {
            String readOnly = login(user);
            assertThat(api().get("/api/v1/users", readOnly).status())
                    .as("owner and admins may still look, until the purge (ADR 13)").isEqualTo(200);
            ApiClient.Response write = api().post("/api/v1/contracts", readOnly, Map.of("form", "BILATERAL",
                    "title", "終了後の下書き", "counterparties", List.of(), "route", List.of()));
            assertThat(write.status()).as("but change nothing").isEqualTo(403);
        }
        assertThat(api().get("/api/v1/me", stayingAdmin).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/users", stayingAdmin).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/me", login(staying.member())).status()).isEqualTo(200);

        assertThat(events(ending.id().value())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.COMPANY_TERMINATED);
            assertThat(e.actor()).isEqualTo("operator");
            assertThat(e.details()).contains("sessions ended=3");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.LOGIN_FAILED);
            assertThat(e.actor()).isEqualTo(ending.member().value());
            assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
        assertThat(events(staying.id().value())).noneMatch(e -> e.action() == AuditAction.COMPANY_TERMINATED);
    }

    @Test
    void terminatingTwiceOrAnUnknownCompanyFailsWithAClearMessage() {
        TestServer.TestCompany company = server.createCompany("二重終了試験建設");
        OperatorCli.Result first = OperatorCli.run(server, "company", "terminate", "--company", company.id().value());
        assertThat(first.exitCode()).as(first.toString()).isZero();

        OperatorCli.Result second = OperatorCli.run(server, "company", "terminate", "--company", company.id().value());
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.err()).contains(company.id().value()).contains("already terminated").contains("既に利用契約終了");
        assertThat(events(company.id().value())).filteredOn(e -> e.action() == AuditAction.COMPANY_TERMINATED)
                .hasSize(1);

        OperatorCli.Result unknown = OperatorCli.run(server, "company", "terminate", "--company", "C00000000");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("does not exist");
        OperatorCli.Result malformed = OperatorCli.run(server, "company", "terminate", "--company", "ACME");
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(1);
        assertThat(malformed.err()).contains("C followed by 8 digits");
    }

    private static ApiClient api() {
        return server.api();
    }

    private static String login(UserId user) {
        return api().login(user.value(), TestServer.PASSWORD);
    }

    private static List<AuditEvent> events(String companyId) {
        return server.context().audit().find(new AuditQuery(companyId, null, null, null, null, 0, 500));
    }
}
