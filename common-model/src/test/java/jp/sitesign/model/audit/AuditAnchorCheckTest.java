package jp.sitesign.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anchors made by a real TSA on loopback, checked offline against the chain as it is "now": a token over the
 * chain's current hash at the anchor's event proves it; a chain that moved under the anchor, an anchor row edited
 * to match a rewrite, a foreign TSA and a missing event each fail with their own verdict.
 */
class AuditAnchorCheckTest {
    private static final String HASH = Digests.sha256Hex(new byte[] {1});
    private static final String REWRITTEN = Digests.sha256Hex(new byte[] {2});

    static TestCa ca;
    static TestTsa tsa;
    static AuditAnchor anchor;

    @BeforeAll
    static void takeAnAnchor() throws Exception {
        ca = TestCa.create("Anchor Test CA");
        tsa = TestTsa.start(ca);
        anchor = new AuditAnchor(1, 42, HASH, stamp(42, HASH));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static byte[] stamp(long seq, String hash) throws Exception {
        return new Rfc3161Client(tsa.url()).timestamp(DigestAlgorithm.SHA256,
                Digests.sha256(AuditAnchor.statement(seq, hash))).getEncoded();
    }

    private static AuditAnchorCheck trusting(TestCa... cas) {
        return new AuditAnchorCheck(java.util.Arrays.stream(cas).map(TestCa::root).toList());
    }

    @Test
    void anAnchorOverTheChainAsItIsByATrustedTsaIsProven() {
        AuditAnchorCheck.Result r = trusting(ca).check(anchor, Optional.of(HASH));

        assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.PROVEN);
        assertThat(r.failed()).isFalse();
        assertThat(r.tsa()).contains("SiteSign Test TSA");
        assertThat(r.time()).isNotNull();
        assertThat(r.messageEn()).contains("anchor 1", "event #42", "+09:00", "trusted");
        assertThat(r.messageJa()).startsWith("タイムスタンプ 1（イベント #42、").contains("+09:00", "、TSA C=JP,O=SiteSign Test,CN=SiteSign Test TSA）");
    }

    @Test
    void aChainRewrittenAfterTheAnchorFailsOnIt() {
        AuditAnchorCheck.Result r = trusting(ca).check(anchor, Optional.of(REWRITTEN));

        assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.LOG_CHANGED);
        assertThat(r.failed()).isTrue();
        assertThat(r.messageEn()).contains("anchor 1", "rewritten");
        assertThat(r.messageJa()).contains("書き換え");
    }

    @Test
    void anAnchorRowEditedToMatchARewriteFailsOnItsToken() {
        AuditAnchor edited = new AuditAnchor(1, 42, REWRITTEN, anchor.token());

        AuditAnchorCheck.Result r = trusting(ca).check(edited, Optional.of(REWRITTEN));

        assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.TOKEN_INVALID);
        assertThat(r.detail()).contains("imprint");
    }

    @Test
    void aTokenTakenForAnotherEventDoesNotProveThisOne() {
        AuditAnchor moved = new AuditAnchor(1, 43, HASH, anchor.token());

        assertThat(trusting(ca).check(moved, Optional.of(HASH)).verdict())
                .isEqualTo(AuditAnchorCheck.Verdict.TOKEN_INVALID);
    }

    @Test
    void aDamagedTokenIsInvalid() {
        byte[] damaged = anchor.token().clone();
        damaged[damaged.length - 10] ^= 1;

        AuditAnchorCheck.Result r = trusting(ca).check(new AuditAnchor(1, 42, HASH, damaged), Optional.of(HASH));

        assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.TOKEN_INVALID);
        AuditAnchorCheck.Result unreadable = trusting(ca).check(new AuditAnchor(1, 42, HASH, new byte[] {0x30, 0x03, 1, 2, 3}),
                Optional.of(HASH));
        assertThat(unreadable.verdict()).isEqualTo(AuditAnchorCheck.Verdict.TOKEN_INVALID);
        assertThat(unreadable.messageJa()).as("an unreadable token states no time and no TSA")
                .isEqualTo("タイムスタンプ 1（イベント #42）: トークンが無効か、このログに対するものではありません");
    }

    @Test
    void aTsaOutsideTheTrustAnchorsIsAFailure_butOnlyReportedWhenNoneAreConfigured() {
        TestCa other = TestCa.create("Someone Else's CA");

        AuditAnchorCheck.Result foreign = trusting(other).check(anchor, Optional.of(HASH));
        AuditAnchorCheck.Result unjudged = new AuditAnchorCheck(List.of()).check(anchor, Optional.of(HASH));

        assertThat(foreign.verdict()).isEqualTo(AuditAnchorCheck.Verdict.TSA_NOT_TRUSTED);
        assertThat(foreign.failed()).isTrue();
        assertThat(foreign.messageEn()).contains("trust.anchors");
        assertThat(foreign.detail()).as("why the TSA is not trusted, as the chain check found")
                .isEqualTo("no path from C=JP, O=SiteSign Test, CN=Anchor Test CA to a configured trust anchor");
        assertThat(unjudged.verdict()).isEqualTo(AuditAnchorCheck.Verdict.TSA_NOT_JUDGED);
        assertThat(unjudged.failed()).isFalse();
    }

    @Test
    void anAnchorWhoseEventIsGoneFails() {
        AuditAnchorCheck.Result r = trusting(ca).check(anchor, Optional.empty());

        assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.EVENT_MISSING);
        assertThat(r.failed()).isTrue();
    }
}
