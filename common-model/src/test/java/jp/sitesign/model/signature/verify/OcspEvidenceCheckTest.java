package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.RevocationItems;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may speak for the issuer in an OCSP response (RFC 6960 §4.2.2.2): a responder certificate is
 * refused, with the reason shown to the reader, when the issuer's key cannot check it, or when it was
 * not valid when the response was produced; and a reason code outside RFC 5280's list reads as unspecified.
 */
class OcspEvidenceCheckTest {
    static EvidenceAuthority ecIssuer;
    static X509Certificate ecSigner;
    static EvidenceAuthority rsaIssuer;
    static X509Certificate rsaSigner;

    @BeforeAll
    static void createAuthorities() {
        ecIssuer = EvidenceAuthority.ecRoot("OCSP Test EC CA");
        ecSigner = ecIssuer.endEntity(TestCa.ecKeyPair("secp256r1").getPublic(), "OCSP Test EC Signer");
        rsaIssuer = EvidenceAuthority.root("OCSP Test RSA CA");
        rsaSigner = rsaIssuer.endEntity(TestCa.rsaKeyPair(2048).getPublic(), "OCSP Test RSA Signer");
    }

    @Test
    void aResponderCertificateTheIssuersKeyCannotCheckDoesNotSpeakForTheIssuer() throws Exception {
        KeyPair responderKeys = TestCa.rsaKeyPair(2048);
        X509Certificate rsaSignedResponder = rsaIssuer.ocspResponder(responderKeys.getPublic(), "Cross Responder",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        BasicOCSPResp response = parse(RevocationItems.ocsp(ecSigner, ecIssuer.certificate(),
                RevocationItems.revoked(Instant.now().minus(Duration.ofDays(2))), responderKeys.getPrivate(),
                rsaSignedResponder));

        RevocationOutcome outcome = OcspEvidenceCheck.about(new EmbeddedRevocation.Ocsp(EmbeddedRevocation.DSS_OCSP,
                response), ecSigner, ecIssuer.certificate()).orElseThrow();

        assertThat(outcome.isTrusted()).as("an RSA-signed response is not the EC issuer's own").isFalse();
        assertThat(outcome.ignored().reason()).isEqualTo(IgnoredRevocation.Reason.RESPONDER_NOT_AUTHORISED);
        assertThat(outcome.ignored().detail()).contains("Cross Responder", "signature cannot be checked");
    }

    @Test
    void aDelegatedResponderWhoseCertificateHadExpiredWhenTheResponseWasProducedIsRefused() throws Exception {
        KeyPair responderKeys = TestCa.rsaKeyPair(2048);
        X509Certificate expired = rsaIssuer.ocspResponder(responderKeys.getPublic(), "Expired Responder",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
        X509Certificate current = rsaIssuer.ocspResponder(responderKeys.getPublic(), "Current Responder",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

        RevocationOutcome byExpired = about(RevocationItems.ocsp(rsaSigner, rsaIssuer.certificate(),
                RevocationItems.good(), responderKeys.getPrivate(), expired));
        RevocationOutcome byCurrent = about(RevocationItems.ocsp(rsaSigner, rsaIssuer.certificate(),
                RevocationItems.good(), responderKeys.getPrivate(), current));

        assertThat(byExpired.isTrusted()).isFalse();
        assertThat(byExpired.ignored().reason()).isEqualTo(IgnoredRevocation.Reason.RESPONDER_NOT_AUTHORISED);
        assertThat(byExpired.ignored().detail()).contains("Expired Responder",
                "was not valid when the response was produced");
        assertThat(byCurrent.isTrusted()).isTrue();
        assertThat(byCurrent.said()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void aResponseAboutAnotherCertificateSaysNothing() throws Exception {
        X509Certificate other = rsaIssuer.endEntity(TestCa.rsaKeyPair(2048).getPublic(), "Someone Else");
        BasicOCSPResp response = parse(RevocationItems.ocsp(other, rsaIssuer.certificate(), RevocationItems.good(),
                rsaIssuer.keys().getPrivate(), null));

        assertThat(OcspEvidenceCheck.about(new EmbeddedRevocation.Ocsp(EmbeddedRevocation.DSS_OCSP, response),
                rsaSigner, rsaIssuer.certificate())).isEmpty();
    }

    @Test
    void reasonCodesAreRfc5280sAndAnythingOutsideTheListIsUnspecified() {
        assertThat(OcspEvidenceCheck.reason(0)).isEqualTo(CRLReason.UNSPECIFIED);
        assertThat(OcspEvidenceCheck.reason(1)).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(OcspEvidenceCheck.reason(10)).isEqualTo(CRLReason.AA_COMPROMISE);
        assertThat(OcspEvidenceCheck.reason(11)).isEqualTo(CRLReason.UNSPECIFIED);
        assertThat(OcspEvidenceCheck.reason(-1)).isEqualTo(CRLReason.UNSPECIFIED);
    }

    private static RevocationOutcome about(byte[] der) throws Exception {
        return OcspEvidenceCheck.about(new EmbeddedRevocation.Ocsp(EmbeddedRevocation.DSS_OCSP, parse(der)),
                rsaSigner, rsaIssuer.certificate()).orElseThrow();
    }

    static BasicOCSPResp parse(byte[] der) throws Exception {
        return (BasicOCSPResp) new OCSPResp(der).getResponseObject();
    }
}
