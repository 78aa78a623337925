package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestSeals;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.SigningKeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Signatures made on a real PKCS#11 token (SoftHSM2), verified intact and trusted, as pdfsig also finds. */
class PadesVerifierSoftHsmTest {
    @TempDir
    static Path dir;
    static SoftHsmToken hsm;
    static TestTsa tsa;
    static SigningKeySource token;

    private final Clock clock = Clock.systemUTC();
    private final PadesSigner signer = new PadesSigner(clock);
    private final PadesVerifier verifier = new PadesVerifier(List.of(hsm.ca().root()), clock);

    @BeforeAll
    static void openToken() throws Exception {
        if (!Files.isReadable(VisibleSignature.IPA_GOTHIC)) {
            fail("IPA Gothic is not installed; install it with: apt-get install -y fonts-ipafont-gothic");
        }
        hsm = SoftHsmToken.shared();
        tsa = TestTsa.start(hsm.ca());
        token = Pkcs11Module.forLibrary(SoftHsmToken.MODULE).token(SoftHsmToken.LABEL);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS})
    void tokenSignatureIsIntactAndTrusted(String alias) throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(2), token, pin(),
                SignatureRequest.timestamped(alias, new Rfc3161Client(tsa.url())));

        VerificationReport report = verifier.verify(signed);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.INTACT);
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(signature.identity().serialNumber()).isEqualTo(
                HexFormat.of().formatHex(hsm.certificate(alias).getSerialNumber().toByteArray()));
        assertThat(signature.timestamp().provesTime()).isTrue();
        assertThat(report.allValid()).isTrue();
        assertThat(IndependentChecks.pdfsigVerdicts(Files.write(dir.resolve(alias + ".pdf"), signed)))
                .containsExactly("Signature is Valid.");
    }

    @Test
    void aLaterVisibleSealIsAnAllowedAdditionForTheFirstVisibleSignature() throws Exception {
        byte[] once = signer.sign(TestPdfs.multiPage(1), token, pin(),
                SignatureRequest.basic(SoftHsmToken.RSA_ALIAS).withAppearance(seal(60)));
        byte[] twice = signer.sign(once, token, pin(),
                SignatureRequest.basic(SoftHsmToken.EC_ALIAS).withAppearance(seal(320)));

        VerificationReport report = verifier.verify(twice);

        assertThat(report.signatures().get(0).coverage().status()).isEqualTo(CoverageStatus.ALLOWED_ADDITIONS_ONLY);
        assertThat(report.signatures().get(0).coverage().changes()).extracting(Change::kind)
                .containsExactly(ChangeKind.LATER_SIGNATURE);
        assertThat(report.allValid()).isTrue();
        assertThat(IndependentChecks.pdfsigVerdicts(Files.write(dir.resolve("two-seals.pdf"), twice)))
                .containsExactly("Signature is Valid.", "Signature is Valid.");
    }

    private static VisibleSignature seal(float x) {
        return VisibleSignature.of(1, x, 100, 220, 80, TestSeals.redRoundSeal(256), "山田 太郎", "山田建設株式会社", "代表取締役");
    }

    private static PinCallback pin() {
        return what -> SoftHsmToken.PIN.toCharArray();
    }
}
