package jp.sitesign.server.audit;

import static jp.sitesign.server.audit.AuditRows.relink;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Someone with write access to the database edits the audit log behind the server's back; the operator's
 * {@code audit verify} must notice, fail with exit code 1 and name the first event that is wrong and how.
 * Every case tampers with its own copy of one chain of real events: the rows are put back afterwards.
 */
class AuditTamperIT {
    static TestServer server;
    static TestServer.TestCompany co;
    /** The chain as the server wrote it, restored after each case. */
    static AuditRows.Saved saved;
    static List<AuditEvent> original;
    static AuditRows.HeadRow originalHead;
    /** The failed login in the middle of the log: what a tamperer most wants to hide. */
    static long failedLogin;
    static long last;

    @BeforeAll
    static void produceALogOfRealEvents() throws SQLException {
        server = TestServer.start();
        co = server.createCompany("改ざん検知試験建設株式会社");
        ApiClient api = server.api();
        String admin = api.login(co.admin().value(), TestServer.PASSWORD);
        server.clock().advance(Duration.ofMinutes(1));
        ApiClient.Response wrong = api.post("/api/v1/auth/login", null,
                Map.of("userId", co.member().value(), "password", "Not-the-password-1"));
        assertThat(wrong.status()).isEqualTo(401);
        server.clock().advance(Duration.ofMinutes(1));
        String member = api.login(co.member().value(), TestServer.PASSWORD);
        assertThat(api.post("/api/v1/users", admin, Map.of("name", "改ざん 太郎", "nameKana", "カイザン タロウ",
                "email", "taro@example.invalid", "department", "工事部", "title", "主任", "role", "MEMBER")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/users/" + co.member2().value() + "/suspend", admin, "").status()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/v1/auth/logout", member, "").status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/logout", admin, "").status()).isEqualTo(204);

        saved = AuditRows.Saved.of(db());
        original = saved.events();
        originalHead = saved.head();
        failedLogin = original.stream().filter(e -> e.action() == AuditAction.LOGIN_FAILED)
                .mapToLong(AuditEvent::sequence).findFirst().orElseThrow();
        last = original.get(original.size() - 1).sequence();
        assertThat(original).extracting(AuditEvent::action).contains(AuditAction.LOGIN, AuditAction.LOGIN_FAILED,
                AuditAction.USER_REGISTERED, AuditAction.USER_SUSPENDED, AuditAction.LOGOUT);
        assertThat(failedLogin).isBetween(3L, last - 3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Puts the chain back as the server wrote it, and checks that the copy is whole again. */
    @AfterEach
    void restoreTheChain() throws SQLException {
        saved.putBack(db());
        assertThat(server.context().audit().verify()).isEmpty();
    }

    @Test
    void untouchedLogIsReportedIntact() {
        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("intact");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "outcome = 'SUCCESS'",
        "actor = 'U00000001'",
        "client_ip = '203.0.113.9'",
        "details = NULL",
        "target = 'U00000002'",
        "occurred_at = occurred_at + INTERVAL '1' HOUR",
        "action = 'LOGIN'",
        "action = 'NO_SUCH_ACTION'"})
    void changingAnyFieldOfAnEventIsReportedAsThatEventAltered(String assignment) throws SQLException {
        execute("UPDATE audit_events SET " + assignment + " WHERE seq = " + failedLogin);

        assertBroken(failedLogin, "altered");
    }

    @Test
    void replacingAnEventsOwnHashIsReportedAsThatEventAltered() throws SQLException {
        execute("UPDATE audit_events SET hash = '" + Digests.sha256Hex(new byte[] {1}) + "' WHERE seq = "
                + failedLogin);

        assertBroken(failedLogin, "altered");
    }

    @Test
    void deletingAnEventInTheMiddleIsReportedAsThatEventMissing() throws SQLException {
        execute("DELETE FROM audit_events WHERE seq = " + failedLogin);

        assertBroken(failedLogin, "missing");
    }

    @Test
    void deletingTheLastEventIsReportedAsMissing() throws SQLException {
        execute("DELETE FROM audit_events WHERE seq = " + last);

        assertBroken(last, "missing");
    }

    @Test
    void forgedEventInsertedInTheMiddleIsReportedAtItsPosition() throws SQLException {
        AuditEvent before = original.get((int) failedLogin - 2);
        AuditEvent forged = new AuditEvent(failedLogin, before.time().plusSeconds(1), co.admin().value(),
                co.id().value(), AuditAction.LOGIN, null, AuditOutcome.SUCCESS, "127.0.0.1", null,
                Digests.sha256Hex("plausible".getBytes(StandardCharsets.UTF_8)), Digests.sha256Hex("looks like a hash".getBytes(StandardCharsets.UTF_8)));
        insertAt(forged);

        assertBroken(failedLogin, "inserted");
    }

    @Test
    void forgedEventCorrectlyLinkedToItsPredecessorBreaksTheLinkToTheNextEvent() throws SQLException {
        AuditEvent before = original.get((int) failedLogin - 2);
        AuditEvent forged = AuditChain.link(before.hash(), failedLogin, before.time().plusSeconds(1),
                co.admin().value(), co.id().value(), AuditAction.LOGIN, null, AuditOutcome.SUCCESS, "127.0.0.1", null);
        insertAt(forged);

        assertBroken(failedLogin + 1, "inserted");
    }

    @Test
    void forgedEventAppendedAfterTheEndIsReportedAsInserted() throws SQLException {
        AuditEvent end = original.get(original.size() - 1);
        AuditEvent forged = AuditChain.link(end.hash(), last + 1, end.time().plusSeconds(1), co.member().value(),
                co.id().value(), AuditAction.LOGOUT, null, AuditOutcome.SUCCESS, "127.0.0.1", null);
        try (Connection c = db().getConnection()) {
            AuditRows.insert(c, forged);
        }

        assertBroken(last + 1, "inserted");
    }

    @Test
    void swappingTwoEventsIsReportedAtTheFirstOfThem() throws SQLException {
        long other = failedLogin + 2;
        execute("UPDATE audit_events SET seq = -1 WHERE seq = " + failedLogin);
        execute("UPDATE audit_events SET seq = " + failedLogin + " WHERE seq = " + other);
        execute("UPDATE audit_events SET seq = " + other + " WHERE seq = -1");

        assertBroken(failedLogin, "reordered");
    }

    @Test
    void rewritingTheWholeChainConsistentlyIsCaughtByTheHeadMac() throws SQLException {
        List<AuditEvent> rewritten = relink(original.stream().filter(e -> e.sequence() != failedLogin).toList());
        AuditEvent newEnd = rewritten.get(rewritten.size() - 1);
        AuditRows.replaceAllEvents(db(), rewritten);
        // The head too, but its MAC cannot be recomputed without the master key, which is not in the database.
        AuditRows.writeHead(db(), new AuditRows.HeadRow(newEnd.sequence(), newEnd.hash(), originalHead.mac()));
        assertThat(AuditChain.verify(rewritten.iterator(), newEnd.sequence(), newEnd.hash()))
                .as("the rewritten rows are a valid chain on their own").isEmpty();

        assertBroken(newEnd.sequence(), "changed without the master key");
    }

    @Test
    void rewritingTheChainWithoutTheHeadIsCaughtAtTheRecordedEnd() throws SQLException {
        List<AuditEvent> hidden = original.stream().map(e -> e.sequence() != failedLogin ? e
                : new AuditEvent(e.sequence(), e.time(), e.actor(), e.companyId(), AuditAction.LOGIN, e.target(),
                        AuditOutcome.SUCCESS, e.clientIp(), null, e.previousHash(), e.hash())).toList();
        AuditRows.replaceAllEvents(db(), relink(hidden));

        assertBroken(last, "does not match the recorded end of the log (altered)");
    }

    @Test
    void deletingAnEventAndRenumberingTheRestIsCaughtAtTheRecordedEnd() throws SQLException {
        AuditRows.replaceAllEvents(db(), relink(original.stream().filter(e -> e.sequence() != failedLogin).toList()));

        assertBroken(last, "missing");
    }

    /** Runs the real CLI and checks that it fails and names {@code seq} first, with the expected kind. */
    private static void assertBroken(long seq, String kind) {
        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("intact");
        Matcher first = Pattern.compile("#(\\d+)").matcher(r.err());
        assertThat(first.find()).as(r.toString()).isTrue();
        assertThat(Long.parseLong(first.group(1))).as(r.toString()).isEqualTo(seq);
        assertThat(r.err()).contains(kind);
    }

    /** Makes room at {@code forged.sequence()} by moving every later event up by one, then inserts. */
    private static void insertAt(AuditEvent forged) throws SQLException {
        // Two steps through negative numbers: a single "seq = seq + 1" can collide with the primary key midway.
        execute("UPDATE audit_events SET seq = -(seq + 1) WHERE seq >= " + forged.sequence());
        execute("UPDATE audit_events SET seq = -seq WHERE seq < 0");
        try (Connection c = db().getConnection()) {
            AuditRows.insert(c, forged);
        }
    }

    private static DataSource db() {
        return server.context().db().dataSource();
    }

    private static void execute(String sql) throws SQLException {
        AuditRows.execute(db(), sql);
    }
}
