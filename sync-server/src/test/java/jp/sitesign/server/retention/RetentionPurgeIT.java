package jp.sitesign.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.server.audit.AuditQuery;
import jp.sitesign.server.contracts.ContractRetention;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.DemoPrintout;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention on the demo data (a contract in every status) and a clock the test moves: after a year the
 * unfinished contracts go — rows, PDFs, and every client's copy through the feed's tombstones — and the
 * sent ones stay; the completed one stays its retention period (never under seven years), stays past it
 * while a party's admin holds it, and goes when the hold is lifted. Every purge is audited with the
 * contract's id and number.
 */
class RetentionPurgeIT {
    static TestServer server;
    static DemoPrintout demo;
    static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = MutableClock.running();
        TestServer[] started = new TestServer[1];
        demo = DemoPrintout.startDemo(Map.of(), clock, started);
        server = started[0];
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void contractsGoWhenTheirRetentionEndsUnlessHeld() {
        String admin = login("発注者", "管理者 ADMIN");
        Map<String, String> statusOf = new HashMap<>();
        for (JsonNode k : api().get("/api/v1/contracts?limit=100", admin).json().get("items")) {
            statusOf.put(k.get("id").asText(), k.get("status").asText());
        }
        assertThat(statusOf.values()).contains("DRAFT", "WITHDRAWN", "DECLINED", "EXPIRED", "COMPLETED",
                "AWAITING_SIGNATURE");
        long checkpoint = api().get("/api/v1/sync/changes?since=0&limit=500", admin).json().get("checkpoint").asLong();
        String completed = idWith(statusOf, "COMPLETED");
        String draft = idWith(statusOf, "DRAFT");

        OperatorCli.Result tooShort = OperatorCli.run(server, "company", "set-retention", "--company",
                demo.companies.get("発注者"), "--completed-years", "6", "--unfinished-days", "365");
        assertThat(tooShort.exitCode()).as("電子帳簿保存法 asks seven years").isEqualTo(1);
        assertThat(tooShort.err()).contains("7 年以上");

        OperatorCli.Result cli = OperatorCli.run(server, "purge", "run", "--dry-run");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).as("nothing is due yet").contains("0 contract(s), 0 compan(ies) — dry run");

        clock.advance(Duration.ofDays(366));
        Purge.Report dry = server.context().purge().run(true);
        assertThat(dry.contracts()).extracting(ContractRetention.Due::id).contains(draft).doesNotContain(completed);
        admin = login("発注者", "管理者 ADMIN");
        assertThat(api().get("/api/v1/contracts/" + draft, admin).status()).as("a dry run deletes nothing").isEqualTo(200);

        server.context().purge().run(false);

        Set<String> gone = new HashSet<>();
        statusOf.forEach((id, status) -> {
            int answer = api().get("/api/v1/contracts/" + id, login("発注者", "管理者 ADMIN")).status();
            boolean unfinished = List.of("DRAFT", "RETURNED", "WITHDRAWN", "DECLINED", "EXPIRED").contains(status);
            assertThat(answer).as(status + " " + id).isEqualTo(unfinished ? 404 : 200);
            if (unfinished) {
                gone.add(id);
            }
        });
        assertThat(documentRows(gone)).as("their PDFs and attachments are gone too").isZero();
        assertThat(tombstones(admin, checkpoint)).as("every client removes its copy").containsAll(gone);
        assertThat(purgeEvents()).as("audited with id and number").hasSize(gone.size())
                .allSatisfy(details -> assertThat(details).contains("number=DEMO-"));

        clock.advance(Duration.ofDays(365 * 9 + 3));
        admin = login("発注者", "管理者 ADMIN");
        String member = login("発注者", "一般 MEMBER");
        assertThat(api().put("/api/v1/contracts/" + completed + "/legal-hold", member, Map.of("hold", true)).status())
                .as("a member may not hold").isEqualTo(403);
        assertThat(api().put("/api/v1/contracts/" + completed + "/legal-hold", admin, Map.of("hold", true)).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/contracts/" + completed + "/legal-hold", login("受注者", "管理者 ADMIN")).json()
                .get("hold").asBoolean()).as("the other party sees the hold").isTrue();

        server.context().purge().run(false);
        assertThat(api().get("/api/v1/contracts/" + completed, admin).status())
                .as("ten years after completion, but held").isEqualTo(200);

        assertThat(api().put("/api/v1/contracts/" + completed + "/legal-hold", admin, Map.of("hold", false)).status())
                .isEqualTo(200);
        server.context().purge().run(false);
        assertThat(api().get("/api/v1/contracts/" + completed, admin).status()).as("the hold lifted").isEqualTo(404);
        assertThat(documentRows(Set.of(completed))).isZero();
    }

    private static String idWith(Map<String, String> statusOf, String status) {
        return statusOf.entrySet().stream().filter(e -> e.getValue().equals(status)).findFirst().orElseThrow().getKey();
    }

    private static long documentRows(Set<String> contracts) {
        return server.context().db().read(c -> {
            long n = 0;
            for (String id : contracts) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM contract_documents WHERE contract_id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
            return n;
        });
    }

    private static Set<String> tombstones(String token, long since) {
        Set<String> out = new HashSet<>();
        for (JsonNode ch : api().get("/api/v1/sync/changes?since=" + since + "&limit=500", token).json().get("changes")) {
            if (ch.get("removed").asBoolean()) {
                out.add(ch.get("id").asText());
            }
        }
        return out;
    }

    private static List<String> purgeEvents() {
        List<String> details = new ArrayList<>();
        server.context().audit().forEach(new AuditQuery(new CompanyId(demo.companies.get("発注者")).value(), null, null,
                null, null, 0, Integer.MAX_VALUE), e -> {
                    if (e.action() == AuditAction.CONTRACT_PURGED) {
                        details.add(e.details());
                    }
                });
        return details;
    }

    private static String login(String side, String role) {
        return demo.login(api(), side, role);
    }

    private static ApiClient api() {
        return server.api();
    }
}
