package jp.sitesign.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the audit chain's head is timestamped: by the periodic job about once a period (not again while a recent
 * anchor exists), after each backup (a failing TSA is audited and the backup stands), on the operator's
 * {@code audit anchor}; and, without a TSA, never, which {@code audit verify} says.
 */
class AuditAnchorIT {
    static TestSigners signers;
    static TestServer server;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.withTsa(signers);
        server.createCompany("定期タイムスタンプ建設株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @AfterEach
    void tsaBehaves() {
        signers.tsa().behave(TestTsa.Behaviour.CORRECT);
    }

    @Test
    void thePeriodicJobAnchorsOncePerPeriod_notAgainWhileARecentAnchorExists() throws SQLException {
        AuditAnchoring anchoring = server.context().auditAnchoring();
        Duration day = Duration.ofDays(1);
        anchoring.anchorIfDue(day);
        server.clock().advance(Duration.ofHours(13));
        int before = anchors().size();

        Optional<AuditAnchoring.Anchored> first = anchoring.anchorIfDue(day);
        Optional<AuditAnchoring.Anchored> again = anchoring.anchorIfDue(day);
        server.clock().advance(Duration.ofHours(11));
        Optional<AuditAnchoring.Anchored> stillRecent = anchoring.anchorIfDue(day);
        server.clock().advance(Duration.ofHours(2));
        Optional<AuditAnchoring.Anchored> next = anchoring.anchorIfDue(day);

        assertThat(first).isPresent();
        assertThat(again).as("just anchored").isEmpty();
        assertThat(stillRecent).as("11 hours later: within half the period").isEmpty();
        assertThat(next).as("13 hours later").isPresent();
        assertThat(anchors()).hasSize(before + 2).last().satisfies(a -> assertThat(a.reason()).isEqualTo("DAILY"));
        assertThat(event(AuditAction.AUDIT_ANCHORED).target()).isEqualTo("anchor " + next.get().id());
        assertThat(server.context().auditVerification().run().intact()).isTrue();
    }

    @Test
    void eachBackupAnchorsTheChain_andAFailingTsaIsAuditedWhileTheBackupStands(@TempDir Path dir) throws SQLException {
        Backups backups = server.context().backups();
        int before = anchors().size();

        Backups.Listing log = backups.createLog(dir);

        assertThat(anchors()).hasSize(before + 1).last().satisfies(a -> assertThat(a.reason()).isEqualTo("BACKUP"));
        assertThat(event(AuditAction.AUDIT_ANCHORED).details()).contains("backup=" + log.id());

        signers.tsa().behave(TestTsa.Behaviour.HTTP_ERROR);
        Backups.Listing data = backups.createData(dir, true);

        assertThat(Backups.verify(data.dir(), server.context().config().backupKeyFile()).id()).isEqualTo(data.id());
        assertThat(anchors()).as("no anchor without the TSA").hasSize(before + 1);
        AuditEvent failed = event(AuditAction.AUDIT_ANCHOR_FAILED);
        assertThat(failed.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(failed.details()).contains("reason=BACKUP", signers.tsa().url().toString(), "HTTP 503");
    }

    @Test
    void verifyCountsTheEventsAfterTheLastAnchor() {
        OperatorCli.Result anchored = OperatorCli.run(server, "audit", "anchor");
        assertThat(anchored.exitCode()).as(anchored.toString()).isZero();
        server.context().companies().create(new jp.sitesign.server.companies.CompanyService.Registration(
                "後続建設株式会社", "コウゾク", null, "東京都", "代表者", new jp.sitesign.model.user.UserProfile("試験 責任者",
                        "シケン", "test@example.invalid", "工事部", "主任")));

        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Last anchored", "trusted").containsPattern("[1-9]\\d* later event\\(s\\) are not anchored yet");
    }

    @Test
    void withoutATsaNothingIsAnchoredAndVerifySaysSo(@TempDir Path dir) {
        try (TestServer plain = TestServer.start()) {
            plain.createCompany("時刻なし建設株式会社");
            assertThat(plain.context().auditAnchoring().configured()).isFalse();
            assertThat(plain.context().auditAnchoring().anchorIfDue(Duration.ofDays(1))).isEmpty();
            plain.context().backups().createLog(dir);

            OperatorCli.Result verify = OperatorCli.run(plain, "audit", "verify");
            OperatorCli.Result anchor = OperatorCli.run(plain, "audit", "anchor");

            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.out()).contains("intact", "No anchors exist", "no TSA is configured");
            assertThat(anchor.exitCode()).isEqualTo(1);
            assertThat(anchor.err()).contains("No TSA is configured (tsa.url)");
        }
    }

    private static List<AuditRows.AnchorRow> anchors() throws SQLException {
        return AuditRows.anchors(server.context().db().dataSource());
    }

    /** The newest event of {@code action}. */
    private static AuditEvent event(AuditAction action) throws SQLException {
        List<AuditEvent> all = AuditRows.events(server.context().db().dataSource());
        return all.stream().filter(e -> e.action() == action).reduce((a, b) -> b).orElseThrow();
    }
}
