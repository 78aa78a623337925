package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.DssContents;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.SigningKeySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** B-LT and B-LTA with the RSA key on a real PKCS#11 token (SoftHSM2), checked by pdfsig, qpdf and openssl. */
class LongTermSignatureSoftHsmTest {
    @TempDir
    static Path dir;
    static SoftHsmToken hsm;
    static TestTsa tsa;
    static SigningKeySource token;

    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());

    @BeforeAll
    static void openToken() throws Exception {
        hsm = SoftHsmToken.shared();
        tsa = TestTsa.start(hsm.ca());
        token = Pkcs11Module.forLibrary(SoftHsmToken.MODULE).token(SoftHsmToken.LABEL);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Test
    void longTermSignatureWithTheTokenKeyCarriesOcspForTheTokenCertificateAndTheTsa() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(2), token, pin(),
                SignatureRequest.at(SignatureLevel.B_LT, SoftHsmToken.RSA_ALIAS, new Rfc3161Client(tsa.url())));

        IndependentChecks.assertValid(Files.write(dir.resolve("hsm-b-lt.pdf"), signed), 1);
        assertThat(DssContents.of(signed).ocspSerials()).containsExactlyInAnyOrder(
                hsm.certificate(SoftHsmToken.RSA_ALIAS).getSerialNumber(), tsa.chain().get(0).getSerialNumber());
    }

    @Test
    void archiveSignatureWithTheTokenKeyHasADocumentTimestampThatOpensslVerifies() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(2), token, pin(),
                SignatureRequest.at(SignatureLevel.B_LTA, SoftHsmToken.RSA_ALIAS, new Rfc3161Client(tsa.url())));

        Path pdf = Files.write(dir.resolve("hsm-b-lta.pdf"), signed);
        IndependentChecks.assertValidWithDocumentTimestamps(pdf, 1, 1, dir, tsa.chain().toArray(new X509Certificate[0]));
        assertThat(DssContents.of(signed).certificateSerials())
                .contains(hsm.certificate(SoftHsmToken.RSA_ALIAS).getSerialNumber(), hsm.ca().root().getSerialNumber());
    }

    private static PinCallback pin() {
        return what -> SoftHsmToken.PIN.toCharArray();
    }
}
