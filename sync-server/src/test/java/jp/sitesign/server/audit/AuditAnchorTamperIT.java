package jp.sitesign.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditAnchor;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack the head's MAC cannot stop: someone holding the database <em>and</em> the master key rewrites the
 * whole chain and seals the new head with a valid MAC. The TSA anchors taken before (a real RFC 3161 TSA on
 * loopback, trusted through {@code trust.anchors}) still name the old chain, and {@code audit verify} fails on
 * them; neither editing the anchor rows nor stamping the rewrite with a TSA of one's own passes.
 */
class AuditAnchorTamperIT {
    static TestSigners signers;
    static TestServer server;
    static AuditRows.Saved saved;
    static long failedLogin;

    @BeforeAll
    static void produceAnAnchoredLog() throws SQLException {
        signers = TestSigners.start();
        server = TestServer.withTsa(signers);
        TestServer.TestCompany co = server.createCompany("タイムスタンプ試験建設株式会社");
        ApiClient api = server.api();
        String admin = api.login(co.admin().value(), TestServer.PASSWORD);
        server.clock().advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/v1/auth/login", null, Map.of("userId", co.member().value(), "password",
                "Not-the-password-1")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", admin, "").status()).isEqualTo(204);

        OperatorCli.Result anchored = OperatorCli.run(server, "audit", "anchor");
        assertThat(anchored.exitCode()).as(anchored.toString()).isZero();
        assertThat(anchored.out()).contains("Anchor 1");

        saved = AuditRows.Saved.of(db());
        failedLogin = saved.events().stream().filter(e -> e.action() == AuditAction.LOGIN_FAILED)
                .mapToLong(AuditEvent::sequence).findFirst().orElseThrow();
        assertThat(saved.anchors()).singleElement().satisfies(a -> assertThat(a.seq()).isGreaterThan(failedLogin));
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @AfterEach
    void restore() throws SQLException {
        saved.putBack(db());
        assertThat(server.context().auditVerification().run().intact()).isTrue();
    }

    @Test
    void anAnchoredLogVerifiesAndNamesItsLastAnchorAndTheTrustedTsa() {
        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("intact", "Anchors (タイムスタンプ): 1, 1 hold", "Last anchored",
                "at event #" + saved.anchors().get(0).seq(), "SiteSign Test TSA", "trusted");
    }

    @Test
    void theWholeChainRewrittenWithAValidHmacFailsOnTheAnchor() throws SQLException {
        AuditEvent newEnd = rewriteWithoutTheFailedLoginAndSealWithTheMasterKey();
        assertThat(server.context().audit().verify()).as("chain and head MAC are consistent again").isEmpty();

        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("intact");
        assertThat(r.err()).contains("Audit anchor check failed: anchor 1 (event #" + saved.anchors().get(0).seq(),
                "rewritten", "タイムスタンプ後にログが書き換えられました");
        assertThat(newEnd.sequence()).as("the anchored event still exists, with another hash")
                .isEqualTo(saved.anchors().get(0).seq());
    }

    @Test
    void anchorRowsEditedToMatchTheRewriteFailOnTheirToken() throws SQLException {
        AuditEvent newEnd = rewriteWithoutTheFailedLoginAndSealWithTheMasterKey();
        AuditRows.execute(db(), "UPDATE audit_anchors SET seq = " + newEnd.sequence() + ", head_hash = '"
                + newEnd.hash() + "'");

        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("anchor 1", "not for this log", "imprint");
    }

    @Test
    void anchorsForgedWithATsaOfOnesOwnDoNotChainToTheTrustAnchors() throws Exception {
        AuditEvent newEnd = rewriteWithoutTheFailedLoginAndSealWithTheMasterKey();
        TestCa ownCa = TestCa.create("Forger's CA");
        try (TestTsa ownTsa = TestTsa.start(ownCa)) {
            byte[] forged = new Rfc3161Client(ownTsa.url()).timestamp(DigestAlgorithm.SHA256,
                    Digests.sha256(AuditAnchor.statement(newEnd.sequence(), newEnd.hash()))).getEncoded();
            AuditRows.AnchorRow a = saved.anchors().get(0);
            AuditRows.replaceAllAnchors(db(), List.of(new AuditRows.AnchorRow(a.id(), newEnd.sequence(), newEnd.hash(),
                    a.reason(), ownTsa.url().toString(), a.at(), forged)));
        }

        OperatorCli.Result r = OperatorCli.run(server, "audit", "verify");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("anchor 1", "Forger", "does not chain to a trust anchor", "trust.anchors");
    }

    /**
     * What an attacker with the database and the master key can do: drop the failed login, renumber and relink
     * every event, and seal the new head with the key derived from the master key.
     */
    private static AuditEvent rewriteWithoutTheFailedLoginAndSealWithTheMasterKey() throws SQLException {
        List<AuditEvent> rewritten = AuditRows.relink(saved.events().stream().filter(e -> e.sequence() != failedLogin)
                .toList());
        AuditEvent newEnd = rewritten.get(rewritten.size() - 1);
        assertThat(AuditChain.verify(rewritten.iterator(), newEnd.sequence(), newEnd.hash())).isEmpty();
        AuditRows.replaceAllEvents(db(), rewritten);
        AuditRows.writeHead(db(), new AuditRows.HeadRow(newEnd.sequence(), newEnd.hash(),
                new AuditSeal(server.context().masterKey()).head(newEnd.sequence(), newEnd.hash())));
        return newEnd;
    }

    private static DataSource db() {
        return server.context().db().dataSource();
    }
}
