package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.testing.KeyedCa;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A TSA response is taken only when it is granted, its certificate is for time stamping only (critical
 * extended key usage), and the token verifies under that certificate. The look-alike certificates below
 * share the real TSA certificate's issuer and serial, so the token names them as its signer.
 */
class TimestampResponseCheckTest {
    static KeyedCa ca;
    static KeyPair tsaKeys;
    static X509Certificate tsaCertificate;
    static final byte[] DIGEST = new byte[32];

    @BeforeAll
    static void tsa() {
        ca = new KeyedCa("Response Check TSA CA");
        tsaKeys = TestCa.rsaKeyPair(2048);
        tsaCertificate = ca.issue(tsaKeys.getPublic(), "TSA", KeyedCa.usage(KeyPurposeId.id_kp_timeStamping), true);
    }

    @Test
    void aCorrectResponseGivesItsToken() throws Exception {
        TimeStampRequest request = request();

        TimeStampToken token = TimestampResponseCheck.check(request, granted(request, null));

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
        assertThat(token.getSID().getSerialNumber()).isEqualTo(tsaCertificate.getSerialNumber());
    }

    @Test
    void aRejectionIsRefusedWithItsStatusAndText() throws Exception {
        TimeStampResponse rejected = generator().generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg,
                "unsupported algorithm");

        assertThatThrownBy(() -> TimestampResponseCheck.check(request(), rejected))
                .isInstanceOf(TimestampRejectedException.class)
                .hasMessageContaining("status 2")
                .hasMessageContaining("unsupported algorithm");
    }

    @Test
    void aRejectionWithoutTextSaysThereIsNoToken() throws Exception {
        TimeStampResponse rejected = new TimeStampResponse(new TimeStampResp(
                new PKIStatusInfo(PKIStatus.rejection), null).getEncoded());

        assertThatThrownBy(() -> TimestampResponseCheck.check(request(), rejected))
                .isInstanceOf(TimestampRejectedException.class)
                .hasMessage("status 2 (no token)");
    }

    @Test
    void aCertificateWithoutExtendedKeyUsageIsRefused() throws Exception {
        assertLookAlikeRefused(null, false, "has no critical extended key usage");
    }

    @Test
    void aNonCriticalTimeStampingUsageIsRefused() throws Exception {
        assertLookAlikeRefused(KeyedCa.usage(KeyPurposeId.id_kp_timeStamping), false, "has no critical extended key usage");
    }

    @Test
    void aCertificateAlsoForOtherPurposesIsRefused() throws Exception {
        assertLookAlikeRefused(KeyedCa.usage(KeyPurposeId.id_kp_timeStamping, KeyPurposeId.id_kp_serverAuth), true,
                "is not for time stamping only");
    }

    @Test
    void aCertificateForAnotherPurposeOnlyIsRefused() throws Exception {
        assertLookAlikeRefused(KeyedCa.usage(KeyPurposeId.id_kp_serverAuth), true, "is not for time stamping only");
    }

    @Test
    void aTokenNotSignedWithTheIncludedCertificatesKeyIsRefused() throws Exception {
        assertLookAlikeRefused(KeyedCa.usage(KeyPurposeId.id_kp_timeStamping), true, "the token's signature does not verify");
    }

    /** The token signed by the real TSA key, but carrying a certificate with its issuer and serial and another key. */
    private static void assertLookAlikeRefused(ExtendedKeyUsage usage, boolean critical, String reason) throws Exception {
        X509Certificate lookAlike = ca.issue(TestCa.rsaKeyPair(2048).getPublic(), "TSA",
                tsaCertificate.getSerialNumber(), usage, critical);
        TimeStampRequest request = request();
        TimeStampResponse response = granted(request, lookAlike);

        assertThatThrownBy(() -> TimestampResponseCheck.check(request, response))
                .isInstanceOf(TimestampRejectedException.class)
                .hasMessageContaining(reason);
    }

    private static TimeStampRequest request() {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return requests.generate(NISTObjectIdentifiers.id_sha256, DIGEST, BigInteger.valueOf(42));
    }

    /** A granted response to {@code request}; with {@code carried}, the token carries that certificate instead of the TSA's. */
    private static TimeStampResponse granted(TimeStampRequest request, X509Certificate carried) throws Exception {
        TimeStampResponse response = generator().generate(request, BigInteger.TEN, new Date());
        if (carried == null) {
            return response;
        }
        CMSSignedData swapped = CMSSignedData.replaceCertificatesAndCRLs(response.getTimeStampToken().toCMSSignedData(),
                new JcaCertStore(List.of(carried)), null, null);
        return new TimeStampResponse(new TimeStampResp(new PKIStatusInfo(PKIStatus.granted),
                swapped.toASN1Structure()).getEncoded());
    }

    private static TimeStampResponseGenerator generator() throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCertificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.2"));
        tokens.addCertificates(new JcaCertStore(List.of(tsaCertificate)));
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    }
}
