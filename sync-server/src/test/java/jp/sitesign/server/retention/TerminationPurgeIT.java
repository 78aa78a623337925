package jp.sitesign.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.DemoPrintout;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 利用契約終了 on the demo data: the 発注者 is terminated. In its grace period its owner logs in and may read
 * and export (contracts, PDFs, CSV, audit log) but change nothing, and its members may not log in. After the
 * grace period the purge deletes its users and the contracts only it had; the completed contract its partner
 * must keep moves into the partner's custody and stays readable to them; its data key is erased, so a backup
 * taken before the purge no longer opens its content.
 */
class TerminationPurgeIT {
    static TestServer server;
    static DemoPrintout demo;
    static MutableClock clock;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        clock = MutableClock.running();
        TestServer[] started = new TestServer[1];
        demo = DemoPrintout.startDemo(Map.of("termination.grace-days", "90"), clock, started);
        server = started[0];
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTerminatedCompanyMayTakeItsDataAwayThenItIsPurged() throws Exception {
        CompanyId orderer = new CompanyId(demo.companies.get("発注者"));
        String partnerAdmin = login("受注者", "管理者 ADMIN");
        Map<String, String> statusOf = new HashMap<>();
        for (JsonNode k : api().get("/api/v1/contracts?limit=100", login("発注者", "管理者 ADMIN")).json().get("items")) {
            statusOf.put(k.get("id").asText(), k.get("status").asText());
        }
        String completed = statusOf.entrySet().stream().filter(e -> e.getValue().equals("COMPLETED")).findFirst()
                .orElseThrow().getKey();
        String completedTitle = api().get("/api/v1/contracts/" + completed, partnerAdmin).json().get("title").asText();
        String draft = statusOf.entrySet().stream().filter(e -> e.getValue().equals("DRAFT")).findFirst().orElseThrow()
                .getKey();

        server.context().companies().terminate(orderer);

        String owner = login("発注者", "責任者 OWNER");
        assertThat(api().get("/api/v1/contracts?limit=100", owner).json().get("total").asInt())
                .as("the owner still sees every contract").isEqualTo(statusOf.size());
        assertThat(api().get("/api/v1/contracts/" + completed + "/document", owner).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/contracts/export?format=zip", owner).status()).as("CSV and PDFs").isEqualTo(200);
        assertThat(api().get("/api/v1/audit/export", owner).status()).as("the audit log").isEqualTo(200);
        ApiClient.Response change = api().post("/api/v1/contracts", owner, Map.of("form", "BILATERAL", "title", "新規",
                "counterparties", java.util.List.of(), "route", java.util.List.of()));
        assertThat(change.status()).as("nothing may change any more").isEqualTo(403);
        assertThat(change.json().get("messageJa").asText()).contains("閲覧とデータの書き出しのみ");
        DemoPrintout.Login member = demo.person("発注者", "一般 MEMBER");
        assertThat(api().post("/api/v1/auth/login", null, Map.of("userId", member.userId(), "password",
                member.password())).status()).as("members may not log in").isEqualTo(403);

        Path backups = work.resolve("backups");
        server.context().backups().createData(backups, true);

        clock.advance(Duration.ofDays(91));
        Purge.Report report = server.context().purge().run(false);

        assertThat(report.companies()).containsExactly(orderer.value());
        assertThat(report.contractsTransferred()).as("the completed contracts, into the partner's custody")
                .isEqualTo(statusOf.values().stream().filter("COMPLETED"::equals).count());
        DemoPrintout.Login ownerLogin = demo.person("発注者", "責任者 OWNER");
        assertThat(api().post("/api/v1/auth/login", null, Map.of("userId", ownerLogin.userId(), "password",
                ownerLogin.password())).code()).as("its users are gone").isEqualTo("LOGIN_FAILED");
        assertThat(single("SELECT status FROM companies WHERE id = ?", orderer.value()))
                .isEqualTo(CompanyStatus.PURGED.name());
        partnerAdmin = login("受注者", "管理者 ADMIN");
        JsonNode kept = api().get("/api/v1/contracts/" + completed, partnerAdmin).json();
        assertThat(kept.get("title").asText()).as("the partner still reads its completed contract").isEqualTo(completedTitle);
        assertThat(api().get("/api/v1/contracts/" + completed + "/document", partnerAdmin).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/contracts/" + draft, partnerAdmin).status()).isEqualTo(404);
        assertThat(single("SELECT COUNT(*) FROM contracts WHERE id = ?", draft))
                .as("the draft only the 発注者 had is deleted").isEqualTo("0");

        ServerConfig target = ServerConfig.load(work.resolve("restored"), Map.of(), Map.of("host", "127.0.0.1"));
        Backups.Restored restored = Backups.restore(backups, server.context().config().backupKeyFile(), 1, null, target,
                Clock.systemUTC());
        assertThat(restored.erasedCompanies()).as("its data key is gone from the backup key file too")
                .containsExactly(orderer.value());
        assertThat(Files.readString(server.context().config().backupKeyFile())).doesNotContain(orderer.value());
    }

    private static String single(String sql, String arg) {
        return server.context().db().read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static String login(String side, String role) {
        return demo.login(api(), side, role);
    }

    private static ApiClient api() {
        return server.api();
    }
}
