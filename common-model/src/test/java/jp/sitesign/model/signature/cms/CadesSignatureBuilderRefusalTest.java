package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SigningAlgorithm;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.token.SigningKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the key operation itself fails, the signer says KEY_OPERATION_FAILED with the provider's own exception as
 * the cause (not BouncyCastle's wrapper), so the window can tell the user what the key refused.
 */
class CadesSignatureBuilderRefusalTest {

    @Test
    void aKeyThatCannotSignForItsCertificateFailsWithTheProvidersReason() throws Exception {
        TestCa ca = TestCa.create("SiteSign Refusal CA");
        X509Certificate rsaCertificate = ca.issueSigner(TestCa.rsaKeyPair(2048).getPublic(), "Alice");
        KeyPair ecKeys = TestCa.ecKeyPair("secp256r1");
        SigningKey mismatched = new SigningKey("alice", ecKeys.getPrivate(), List.of(rsaCertificate, ca.root()), null);
        SigningAlgorithm algorithm = SigningAlgorithm.forCertificate(rsaCertificate, RsaPadding.PKCS1_V1_5);

        assertThatThrownBy(() -> new CadesSignatureBuilder()
                .sign("contract".getBytes(StandardCharsets.UTF_8), mismatched, algorithm))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.KEY_OPERATION_FAILED);
                    assertThat(e.getCause()).isInstanceOf(InvalidKeyException.class);
                });
    }
}
