package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.AttackCorpus;
import jp.sitesign.model.signature.testing.AttackCorpus.Attack;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack corpus against the verifier and the upload check, case by case: the verifier names what is wrong
 * with the forged signature, and {@link SignedVersionCheck} — what the server runs on every signed upload —
 * refuses the file with the corpus's reason. The server's upload test runs the same corpus through HTTP.
 */
class AttackCorpusTest {
    @TempDir
    static Path dir;
    static TestCa ca;
    static TestTsa tsa;
    static AttackCorpus.Signer signer;
    static byte[] base;

    private final PadesVerifier verifier = new PadesVerifier(List.of(ca.root()), Clock.systemUTC());
    private final SignedVersionCheck check = new SignedVersionCheck(verifier);

    @BeforeAll
    static void createSigner() {
        ca = TestCa.create("SiteSign Test Attack CA");
        tsa = TestTsa.start(ca);
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = ca.issueSigner(keys.getPublic(), "Alice");
        signer = new AttackCorpus.Signer(ca, keys, certificate,
                Pkcs12Files.write(dir.resolve("alice.p12"), keys, certificate, ca.root(), "alice", "pw"), "pw", "alice", tsa);
        base = TestPdfs.multiPage(1);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    static Stream<Attack> attacks() {
        return AttackCorpus.all().stream();
    }

    @Test
    void theHonestSignatureTheCorpusStartsFromIsAcceptedByBoth() throws Exception {
        byte[] signed = signer.sign(base);

        assertThat(verifier.verify(signed).allValid()).isTrue();
        assertThat(check.check(base, signed).identity().subject()).contains("CN=Alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theVerifierNamesTheForgery(Attack attack) throws Exception {
        byte[] forged = attack.forge(base, signer);

        VerificationReport report = verifier.verify(forged);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().status()).as(report.toText())
                .isEqualTo(attack.integrity() == null ? IntegrityStatus.INTACT : attack.integrity());
        if (attack.change() != null) {
            assertThat(signature.coverage().disallowedChanges()).extracting(Change::kind).contains(attack.change());
        }
        if (attack.timestamp() != null) {
            assertThat(signature.timestamp().status()).isEqualTo(attack.timestamp());
            assertThat(signature.timestamp().provesTime()).isFalse();
        }
        if (attack.integrity() == null && attack.change() == null && attack.timestamp() == null) {
            // The added content is inside what the signer signed: the verifier alone cannot tell it from the
            // document; only the upload check, which compares with the base, can.
            assertThat(signature.valid()).as(report.toText()).isTrue();
        } else {
            assertThat(signature.valid()).as(report.toText()).isFalse();
            assertThat(report.allValid()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theUploadCheckRefusesTheForgeryForTheCorpusReason(Attack attack) {
        byte[] forged = attack.forge(base, signer);

        assertThatThrownBy(() -> check.check(base, forged)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(e.messageJa()).contains(attack.refusalJa());
            assertThat(e.messageEn()).isNotBlank();
        });
    }
}
