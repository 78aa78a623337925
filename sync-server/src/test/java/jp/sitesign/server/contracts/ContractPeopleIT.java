package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The names of the other company's people on a shared contract (ADR 43): the caller learns the receiver and the
 * signer of a partner named on a contract it may see, as name and title only; a company that is no party, or a
 * colleague who may not see the contract, learns nothing.
 */
class ContractPeopleIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;
    static String aMember;
    static String bMember;
    static String cAdmin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        c = server.createCompany("無関係商事株式会社");
        String aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        String bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        bMember = api().login(b.member().value(), TestServer.PASSWORD);
        cAdmin = api().login(c.admin().value(), TestServer.PASSWORD);
        String method = "SiteSign による電子契約";
        ApiClient.Response p = api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", method));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(api().post("/api/v1/partnerships/" + p.json().get("id").asLong() + "/consent", bAdmin,
                Map.of("methodSha256", Digests.sha256Hex(method.getBytes(StandardCharsets.UTF_8)))).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSenderLearnsTheNameAndTitleOfThePartnersReceiverAndNothingMore() {
        String id = draft(b.member().value());
        ApiClient.Response r = api().get("/api/v1/contracts/" + id + "/people", aMember);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode people = r.json();
        assertThat(people).hasSize(1);
        JsonNode person = people.get(0);
        assertThat(person.get("id").asText()).isEqualTo(b.member().value());
        assertThat(person.get("companyId").asText()).isEqualTo(b.id().value());
        assertThat(person.get("name").asText()).startsWith("試験 ");
        assertThat(person.get("title").asText()).isEqualTo("主任");
        assertThat(person.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "companyId", "name", "title");
        assertThat(r.body()).doesNotContain("test@example.invalid", "MEMBER", a.member().value());
    }

    @Test
    void aCompanyThatIsNoPartyLearnsNoNames() {
        String id = draft(b.member().value());
        ApiClient.Response unrelated = api().get("/api/v1/contracts/" + id + "/people", cAdmin);
        assertThat(unrelated.status()).isEqualTo(404);
        assertThat(unrelated.body()).doesNotContain("試験");
        ApiClient.Response notReached = api().get("/api/v1/contracts/" + id + "/people", bMember);
        assertThat(notReached.status()).as("a draft has not reached the counterparty").isEqualTo(404);
    }

    @Test
    void aColleagueWhoMayNotSeeTheDraftLearnsNoNamesEither() {
        String id = draft(b.member().value());
        String aMember2 = api().login(a.member2().value(), TestServer.PASSWORD);
        ApiClient.Response r = api().get("/api/v1/contracts/" + id + "/people", aMember2);
        assertThat(r.status()).as("a member sees only contracts they take part in").isEqualTo(403);
        assertThat(r.body()).doesNotContain("試験");
    }

    private static String draft(String receiver) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "電気設備工事 注文書");
        d.put("transactionDate", "2026-04-01");
        d.put("amountYen", 1_000_000L);
        d.put("taxIncluded", true);
        d.put("construction", false);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", receiver)));
        ApiClient.Response r = api().post("/api/v1/contracts", aMember, d);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static ApiClient api() {
        return server.api();
    }
}
