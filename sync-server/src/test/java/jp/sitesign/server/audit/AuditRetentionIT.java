package jp.sitesign.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention cut (audit.retention-years, 10 by default): events from more than ten years ago (the clock is
 * moved) are removed, leaving a checkpoint — the last removed event, sealed by the master key and timestamped by
 * the TSA — from which {@code audit verify} still checks what is kept. Editing the kept events or the checkpoint
 * is still caught; a backup taken across the cut restores to a log that verifies.
 */
class AuditRetentionIT {
    static TestSigners signers;
    static TestServer server;
    static Path backups;
    static AuditRetention.Cut cut;
    static Backups.Listing fullBeforeCut;
    static AuditRows.Saved saved;
    static CheckpointRow checkpointRow;

    @BeforeAll
    static void cutALogTenYearsOld() throws Exception {
        signers = TestSigners.start();
        server = TestServer.withTsa(signers);
        backups = Files.createTempDirectory("sitesign-audit-backups-");
        TestServer.TestCompany co = server.createCompany("十年前建設株式会社");
        server.api().login(co.admin().value(), TestServer.PASSWORD);
        assertThat(server.context().auditAnchoring().anchorIfDue(Duration.ofDays(1))).isPresent();
        long oldEnd = server.context().audit().head().seq();

        server.clock().advance(Duration.ofDays(3655)); // ten years and a few days
        note("今年のイベント 1");
        note("今年のイベント 2");
        fullBeforeCut = server.context().backups().createData(backups, true);

        cut = server.context().auditRetention().cutDue().orElseThrow();

        assertThat(cut.from()).isEqualTo(1);
        assertThat(cut.to()).as("everything from ten years ago, and nothing after").isEqualTo(oldEnd);
        assertThat(cut.anchor()).as("the checkpoint is timestamped").isNotNull();
        saved = AuditRows.Saved.of(db());
        checkpointRow = checkpoint();
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @AfterEach
    void restore() throws SQLException {
        saved.putBack(db());
        checkpointRow.putBack();
        assertThat(server.context().auditVerification().run().intact()).isTrue();
    }

    @Test
    void theCutLeavesAnAnchoredCheckpointThatVerifyStartsFrom() {
        assertThat(saved.events().get(0).sequence()).isEqualTo(cut.to() + 1);
        assertThat(saved.events()).extracting(AuditEvent::action).contains(AuditAction.AUDIT_CUT);
        assertThat(saved.anchors()).as("the anchors of cut events went with them").allSatisfy(a ->
                assertThat(a.seq()).isGreaterThanOrEqualTo(cut.to()));
        assertThat(saved.anchors()).filteredOn(a -> a.id() == cut.anchor()).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo("CUT");
            assertThat(a.seq()).isEqualTo(cut.to());
        });
        assertThat(server.context().auditRetention().cutDue()).as("nothing more is due").isEmpty();

        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("intact", "events #" + (cut.to() + 1) + " to #",
                "Retention checkpoint", "events up to #" + cut.to() + " were cut", "Last anchored", "trusted");
    }

    @Test
    void anEventKeptAfterTheCheckpointIsStillCheckedLinkByLink() throws SQLException {
        AuditRows.execute(db(), "UPDATE audit_events SET details = 'nothing happened' WHERE seq = " + (cut.to() + 1));

        OperatorCli.Result r = verify();

        assertThat(r.err()).contains("#" + (cut.to() + 1), "altered");
    }

    @Test
    void aCheckpointEditedWithoutTheMasterKeyIsCaughtByItsMac() throws SQLException {
        AuditRows.execute(db(), "UPDATE audit_checkpoint SET hash = '" + "ab".repeat(32) + "'");

        assertThat(verify().err()).contains("retention checkpoint (event #" + cut.to()
                + ") was changed without the master key");
    }

    @Test
    void aCheckpointResealedWithTheMasterKeyStillBreaksTheLinkAndItsAnchor() throws SQLException {
        String forged = "ab".repeat(32);
        AuditRows.execute(db(), "UPDATE audit_checkpoint SET hash = '" + forged + "', mac = '"
                + new AuditSeal(server.context().masterKey()).checkpoint(cut.to(), forged) + "'");

        OperatorCli.Result r = verify();

        assertThat(r.err()).contains("does not follow the retention checkpoint at event #" + cut.to(),
                "anchor " + cut.anchor() + " (event #" + cut.to(), "rewritten");
    }

    @Test
    void aCheckpointMovedForwardWithTheMasterKeyLeavesItsAnchorBehind() throws SQLException {
        AuditEvent next = saved.events().get(0);
        AuditRows.execute(db(), "DELETE FROM audit_events WHERE seq = " + next.sequence());
        AuditRows.execute(db(), "UPDATE audit_checkpoint SET seq = " + next.sequence() + ", hash = '" + next.hash()
                + "', mac = '" + new AuditSeal(server.context().masterKey()).checkpoint(next.sequence(), next.hash())
                + "'");
        assertThat(server.context().audit().verify()).as("the chain alone looks whole").isEmpty();

        OperatorCli.Result r = verify();

        assertThat(r.err()).contains("anchor " + cut.anchor() + " (event #" + cut.to(), "is not in the log");
    }

    @Test
    void aDeletedCheckpointMakesTheCutEventsMissing() throws SQLException {
        AuditRows.execute(db(), "DELETE FROM audit_checkpoint");

        assertThat(verify().err()).contains("#1", "missing");
    }

    @Test
    void aBackupTakenAcrossTheCutRestoresToALogThatVerifies(@TempDir Path target) {
        Backups.Listing differential = server.context().backups().createData(backups, false);
        assertThat(differential.base()).as("a differential over the full taken before the cut")
                .isEqualTo(fullBeforeCut.id());
        ServerConfig config = ServerConfig.load(target.resolve("restored"), Map.of(), restoreSettings());

        Backups.restore(backups, server.context().config().backupKeyFile(), 1, null, config, Clock.systemUTC());

        try (ServerContext restored = new ServerContext(config, Clock.systemUTC())) {
            var report = restored.auditVerification().run();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.checkpoint().sequence()).isEqualTo(cut.to());
            assertThat(report.anchors()).isNotEmpty();
        }
    }

    @Test
    void aBrokenLogIsNotCut_andWithoutATsaTheCutIsSealedButNotTimestamped() throws SQLException {
        try (TestServer plain = TestServer.start()) {
            plain.createCompany("時刻なし建設株式会社");
            long end = plain.context().audit().head().seq();
            plain.clock().advance(Duration.ofDays(3655));
            plain.context().audit().append(new AuditLog.Entry("system", null, AuditAction.AUDIT_EXPORTED, null,
                    AuditOutcome.SUCCESS, null, "十年後"));
            DataSource db = plain.context().db().dataSource();
            List<AuditEvent> whole = AuditRows.events(db);
            AuditRows.execute(db, "UPDATE audit_events SET details = 'hidden' WHERE seq = 1");

            assertThatThrownBy(() -> plain.context().auditRetention().cutDue()).isInstanceOf(SiteSignException.class)
                    .hasMessageContaining("destroy the evidence");
            assertThat(AuditRows.events(db)).as("nothing was cut").hasSize((int) end + 1);

            AuditRows.replaceAllEvents(db, whole);
            assertThat(plain.context().audit().verify()).isEmpty();
            Optional<AuditRetention.Cut> unanchored = plain.context().auditRetention().cutDue();

            assertThat(unanchored).get().satisfies(c -> {
                assertThat(c.to()).isEqualTo(end);
                assertThat(c.anchor()).isNull();
            });
            OperatorCli.Result r = OperatorCli.run(plain, "audit", "verify");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("intact", "events up to #" + end + " were cut", "No anchors exist");
        }
    }

    /** Runs {@code audit verify}, which must fail. */
    private static OperatorCli.Result verify() {
        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("intact");
        return r;
    }

    private static void note(String details) {
        server.context().audit().append(new AuditLog.Entry("system", null, AuditAction.AUDIT_EXPORTED, null,
                AuditOutcome.SUCCESS, null, details));
    }

    /** The checkpoint row as stored, to put it back. */
    private record CheckpointRow(long seq, String hash, java.time.Instant cutAt, String mac) {
        void putBack() throws SQLException {
            AuditRows.execute(db(), "DELETE FROM audit_checkpoint");
            try (var c = db().getConnection(); var ps = c.prepareStatement(
                    "INSERT INTO audit_checkpoint (id, seq, hash, cut_at, mac) VALUES (1, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                jp.sitesign.server.storage.Jdbc.setInstant(ps, 3, cutAt);
                ps.setString(4, mac);
                ps.executeUpdate();
            }
        }
    }

    private static CheckpointRow checkpoint() throws SQLException {
        try (var c = db().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT seq, hash, cut_at, mac FROM audit_checkpoint")) {
            assertThat(rs.next()).isTrue();
            return new CheckpointRow(rs.getLong("seq"), rs.getString("hash"),
                    jp.sitesign.server.storage.Jdbc.getInstant(rs, "cut_at"), rs.getString("mac"));
        }
    }

    private static Map<String, String> restoreSettings() {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0"));
        if (TestServer.onPostgres()) {
            settings.put("db.url", PostgresCluster.get().newDatabase());
            settings.put("db.user", "postgres");
        }
        return settings;
    }

    private static DataSource db() {
        return server.context().db().dataSource();
    }
}
