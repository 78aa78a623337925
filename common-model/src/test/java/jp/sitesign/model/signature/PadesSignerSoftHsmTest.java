package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.RsaPadding;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing with keys on a real PKCS#11 token (SoftHSM2) through SunPKCS11, checked by pdfsig, qpdf and openssl. */
class PadesSignerSoftHsmTest {
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

    @ParameterizedTest
    @ValueSource(strings = {SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS})
    void basicSignatureWithATokenKeyIsValid(String alias) throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(4), token, pin(), SignatureRequest.basic(alias));

        IndependentChecks.assertValid(write(alias + "-bb.pdf", signed), 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS})
    void timestampedSignatureWithATokenKeyIsValidAndItsTokenVerifiesWithOpenssl(String alias) throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(4), token, pin(),
                SignatureRequest.timestamped(alias, new Rfc3161Client(tsa.url())));

        Path pdf = write(alias + "-bt.pdf", signed);
        IndependentChecks.assertValid(pdf, 1);
        assertThat(IndependentChecks.verifyTimestampWithOpenssl(pdf, 0, dir, tsa.chain().toArray(new X509Certificate[0])))
                .contains("Verification: OK");
    }

    @Test
    void rsaPssOnTheTokenIsValid() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), token, pin(),
                SignatureRequest.basic(SoftHsmToken.RSA_ALIAS).withPadding(RsaPadding.PSS));

        IndependentChecks.assertValid(write("rsa-pss.pdf", signed), 1);
    }

    @Test
    void rsaThenEcSignerLeaveBothSignaturesValid() throws Exception {
        byte[] once = signer.sign(TestPdfs.multiPage(2), token, pin(),
                SignatureRequest.timestamped(SoftHsmToken.RSA_ALIAS, new Rfc3161Client(tsa.url())));
        byte[] twice = signer.sign(once, token, pin(),
                SignatureRequest.timestamped(SoftHsmToken.EC_ALIAS, new Rfc3161Client(tsa.url())));

        Path pdf = write("two-token-signers.pdf", twice);
        IndependentChecks.assertValid(pdf, 2);
        IndependentChecks.verifyTimestampWithOpenssl(pdf, 1, dir, tsa.chain().toArray(new X509Certificate[0]));
    }

    @Test
    void theSignatureCarriesTheTokenCertificate() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), token, pin(), SignatureRequest.basic(SoftHsmToken.EC_ALIAS));

        var certificates = IndependentChecks.signedData(IndependentChecks.signatureContents(signed).get(0))
                .getCertificates().getMatches(null);
        assertThat(certificates).extracting(holder -> holder.getSerialNumber())
                .contains(hsm.certificate(SoftHsmToken.EC_ALIAS).getSerialNumber());
    }

    private static PinCallback pin() {
        return what -> SoftHsmToken.PIN.toCharArray();
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }
}
