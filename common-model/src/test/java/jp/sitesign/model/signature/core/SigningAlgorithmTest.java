package jp.sitesign.model.signature.core;

import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signature algorithm follows the key in the certificate. */
class SigningAlgorithmTest {
    static final TestCa CA = TestCa.create("SiteSign Test Algorithm CA");

    @Test
    void rsa2048SignsWithSha256AndPkcs1ByDefault() throws SigningException {
        SigningAlgorithm algorithm = SigningAlgorithm.forCertificate(certificate(TestCa.rsaKeyPair(2048)), RsaPadding.PKCS1_V1_5);

        assertThat(algorithm.jcaName()).isEqualTo("SHA256withRSA");
        assertThat(algorithm.digest()).isEqualTo(DigestAlgorithm.SHA256);
    }

    @Test
    void rsa3072SignsWithSha384() throws SigningException {
        assertThat(SigningAlgorithm.forCertificate(certificate(TestCa.rsaKeyPair(3072)), RsaPadding.PSS).digest())
                .isEqualTo(DigestAlgorithm.SHA384);
    }

    @Test
    void ecdsaDigestFollowsTheCurve() throws SigningException {
        assertThat(SigningAlgorithm.forCertificate(certificate(TestCa.ecKeyPair("secp256r1")), RsaPadding.PKCS1_V1_5).jcaName())
                .isEqualTo("SHA256withECDSA");
        assertThat(SigningAlgorithm.forCertificate(certificate(TestCa.ecKeyPair("secp384r1")), RsaPadding.PKCS1_V1_5).jcaName())
                .isEqualTo("SHA384withECDSA");
    }

    @Test
    void rsaUnder2048BitsIsRefused() {
        assertThatThrownBy(() -> SigningAlgorithm.forCertificate(certificate(TestCa.rsaKeyPair(1024)), RsaPadding.PKCS1_V1_5))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.KEY_UNSUPPORTED));
    }

    private static X509Certificate certificate(KeyPair keys) {
        return CA.issueSigner(keys.getPublic(), "Algorithm Test");
    }
}
