package jp.sitesign.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.server.audit.AuditAnchoring;
import jp.sitesign.server.audit.AuditRows;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health/live} and {@code /health/ready} (ADR 18): no session, what decides readiness, nothing secret. */
class HealthIT {

    @Test
    void liveAndReadyAnswerWithoutASessionAndNameEveryCheck() {
        try (TestServer server = TestServer.start()) {
            ApiClient.Response live = server.api().get("/health/live", null);
            ApiClient.Response ready = server.api().get("/health/ready", null);

            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asText()).isEqualTo("UP");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            JsonNode checks = ready.json().get("checks");
            assertThat(ready.json().get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("database").get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("database").get("details").get("schemaVersion").asText())
                    .isEqualTo(server.context().db().schemaVersion());
            assertThat(checks.get("disk").get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("disk").get("details").get("freeBytes").asLong()).isPositive();
            assertThat(checks.get("backup").get("status").asText()).as("backups are off in tests").isEqualTo("OFF");
            assertThat(checks.get("tsa").get("status").asText()).isEqualTo("OFF");
            assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(ready.body()).as("nothing secret: no folder, no database address or user")
                    .doesNotContain(server.dataDir().toString(), "jdbc:", "postgres\"", "password");
        }
    }

    @Test
    void tooLittleFreeDiskTakesTheServerOutButLiveStillAnswers() {
        try (TestServer server = TestServer.start(Map.of("health.min-free-disk-mb", String.valueOf(Integer.MAX_VALUE)))) {
            ApiClient.Response ready = server.api().get("/health/ready", null);

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().get("checks").get("disk").get("status").asText()).isEqualTo("DOWN");
            assertThat(server.api().get("/health/live", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aSchemaAnotherReleaseMovedOnIsNotReady() throws SQLException {
        try (TestServer server = TestServer.start()) {
            server.context().db().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                            + " script, checksum, installed_by, execution_time, success) VALUES (9999, '9999',"
                            + " 'from a newer release', 'SQL', 'V9999__newer.sql', 0, 'test', 0, TRUE)");
                }
                return null;
            });

            ApiClient.Response ready = server.api().get("/health/ready", null);

            assertThat(ready.status()).isEqualTo(503);
            JsonNode database = ready.json().get("checks").get("database");
            assertThat(database.get("status").asText()).isEqualTo("DOWN");
            assertThat(database.get("details").get("schemaVersion").asText()).isEqualTo("9999");
        }
    }

    @Test
    void theNewestBackupsAgeIsShownAndItsAbsenceWarnsWithoutTakingTheServerOut(@TempDir Path unused) {
        try (TestServer server = TestServer.start(Map.of("backup.enabled", "true"))) {
            ApiClient.Response before = server.api().get("/health/ready", null);
            server.context().backups().createData(server.context().config().backupDir(), true);
            server.clock().advance(Duration.ofHours(2));
            ApiClient.Response after = server.api().get("/health/ready", null);
            server.clock().advance(Duration.ofHours(35));
            ApiClient.Response old = server.api().get("/health/ready", null);

            assertThat(before.status()).isEqualTo(200);
            assertThat(before.json().get("status").asText()).isEqualTo("WARN");
            assertThat(before.json().get("checks").get("backup").get("status").asText()).isEqualTo("WARN");
            JsonNode backup = after.json().get("checks").get("backup");
            assertThat(backup.get("status").asText()).isEqualTo("UP");
            assertThat(backup.get("details").get("ageSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
            assertThat(old.status()).isEqualTo(200);
            assertThat(old.json().get("checks").get("backup").get("status").asText()).as("37 hours").isEqualTo("WARN");
        }
    }

    @Test
    void aTsaWhoseTimeDiffersShowsTheSkewAuditsItOnce() throws Exception {
        try (TestSigners signers = TestSigners.start(); TestServer server = TestServer.withTsa(signers)) {
            AuditAnchoring anchoring = server.context().auditAnchoring();
            anchoring.anchor(AuditAnchoring.Reason.OPERATOR, "in time");
            ApiClient.Response inTime = server.api().get("/health/ready", null);

            signers.tsa().clockOffBy(Duration.ofSeconds(60));
            anchoring.anchor(AuditAnchoring.Reason.OPERATOR, "skewed");
            server.context().clockWatch().check(server.context().timestamps());
            ApiClient.Response skewed = server.api().get("/health/ready", null);
            List<AuditEvent> skewEvents = AuditRows.events(server.context().db().dataSource()).stream()
                    .filter(e -> e.action() == AuditAction.CLOCK_SKEW).toList();

            assertThat(inTime.json().get("checks").get("clock").get("status").asText()).isEqualTo("UP");
            assertThat(inTime.json().get("checks").get("tsa").get("status").asText()).isEqualTo("UP");
            JsonNode clock = skewed.json().get("checks").get("clock");
            assertThat(skewed.status()).as("the clock warns; it does not take the server out").isEqualTo(200);
            assertThat(clock.get("status").asText()).isEqualTo("WARN");
            assertThat(clock.get("details").get("skewMillis").asLong()).isBetween(55_000L, 60_000L);
            assertThat(skewEvents).as("audited when it starts, not at every timestamp").hasSize(1);
            assertThat(skewEvents.get(0).details()).contains("tsa=" + signers.tsa().url());

            signers.tsa().clockOffBy(Duration.ZERO);
            server.context().clockWatch().check(server.context().timestamps());
            assertThat(server.api().get("/health/ready", null).json().get("checks").get("clock").get("status").asText())
                    .isEqualTo("UP");
        }
    }

    @Test
    void anUnreachableTsaWarns() {
        try (TestServer server = TestServer.start(Map.of("tsa.url", "http://127.0.0.1:1/tsa"))) {
            ApiClient.Response ready = server.api().get("/health/ready", null);

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("WARN");
            assertThat(ready.json().get("checks").get("tsa").get("status").asText()).isEqualTo("WARN");
        }
    }
}
