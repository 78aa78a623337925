package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.testing.KeyedCa;
import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An OCSP response counts only if the issuer signed it, or a responder the issuer marked for OCSP signing (RFC 6960 §4.2.2.2). */
class OcspResponderCheckTest {
    static KeyedCa issuer;
    static KeyedCa stranger;
    static X509Certificate signer;

    @BeforeAll
    static void certificates() {
        issuer = new KeyedCa("OCSP Check Issuer");
        stranger = new KeyedCa("OCSP Check Stranger");
        signer = issuer.issue(TestCa.rsaKeyPair(2048).getPublic(), "Signer", null, false);
    }

    @Test
    void theIssuersOwnSignatureIsAccepted() {
        BasicOCSPResp response = basic(issuer.key(), null);

        assertThatCode(() -> OcspResponderCheck.requireSignedForIssuer("http://ocsp", response, issuer.root()))
                .doesNotThrowAnyException();
    }

    @Test
    void aResponderTheIssuerMarkedForOcspSigningIsAccepted() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = issuer.issue(keys.getPublic(), "Responder",
                KeyedCa.usage(KeyPurposeId.id_kp_OCSPSigning), false);

        assertThatCode(() -> OcspResponderCheck.requireSignedForIssuer("http://ocsp",
                basic(keys.getPrivate(), responder), issuer.root())).doesNotThrowAnyException();
    }

    @Test
    void aResponderWithoutExtendedKeyUsageIsRefused() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = issuer.issue(keys.getPublic(), "Responder", null, false);

        assertRefused(basic(keys.getPrivate(), responder));
    }

    @Test
    void aResponderForAnotherPurposeIsRefused() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = issuer.issue(keys.getPublic(), "Responder",
                KeyedCa.usage(KeyPurposeId.id_kp_timeStamping), false);

        assertRefused(basic(keys.getPrivate(), responder));
    }

    @Test
    void anOcspResponderOfAnotherCaIsRefused() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = stranger.issue(keys.getPublic(), "Responder",
                KeyedCa.usage(KeyPurposeId.id_kp_OCSPSigning), false);

        assertRefused(basic(keys.getPrivate(), responder));
    }

    @Test
    void aResponseNotSignedByTheResponderItCarriesIsRefused() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate responder = issuer.issue(keys.getPublic(), "Responder",
                KeyedCa.usage(KeyPurposeId.id_kp_OCSPSigning), false);

        assertRefused(basic(TestCa.rsaKeyPair(2048).getPrivate(), responder));
    }

    @Test
    void aResponseSignedByAStrangerWithoutCertificatesIsRefused() {
        assertRefused(basic(stranger.key(), null));
    }

    private static void assertRefused(BasicOCSPResp response) {
        assertThatThrownBy(() -> OcspResponderCheck.requireSignedForIssuer("http://ocsp.example", response, issuer.root()))
                .isInstanceOf(RevocationFetchException.class)
                .hasMessageContaining("http://ocsp.example")
                .hasMessageContaining("is not signed by the issuer")
                .hasMessageContaining("OCSP Check Issuer");
    }

    private static BasicOCSPResp basic(PrivateKey key, X509Certificate carried) {
        try {
            return (BasicOCSPResp) new OCSPResp(RevocationItems.ocsp(signer, issuer.root(), RevocationItems.good(),
                    key, carried)).getResponseObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
