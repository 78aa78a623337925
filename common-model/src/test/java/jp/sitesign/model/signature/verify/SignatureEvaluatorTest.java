package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.CmsForgery;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TwoSigners;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of CMS a signature's {@code /Contents} may hold that the verifier does not take as one signer's
 * signature: two signer infos (which one would count?), no certificates (whose signature?), and a signature
 * timestamp attribute that is no CMS at all — each reported for what it is, the last as an unreadable timestamp.
 */
class SignatureEvaluatorTest {
    @TempDir
    static Path dir;
    static TwoSigners signers;
    static byte[] signed;

    private final PadesVerifier verifier = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC());

    @BeforeAll
    static void sign() throws Exception {
        signers = TwoSigners.create(dir, "SiteSign Test Evaluator CA");
        signed = signers.alice(TestPdfs.multiPage(1));
    }

    @Test
    void theHonestSignatureIsIntact() throws Exception {
        assertThat(verifier.verify(signed).signatures().get(0).integrity().status()).isEqualTo(IntegrityStatus.INTACT);
    }

    @Test
    void aCmsWithTwoSignerInfosIsNoSignatureOfOneSigner() throws Exception {
        // The second signer info is the first one with an unsigned attribute added: each alone would verify.
        byte[] twoSigners = CmsForgery.rewrite(signed, 0, data -> {
            SignerInfo info = SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0));
            SignerInfo other = CmsForgery.withUnsignedAttributes(info, new DERSet(new Attribute(
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2.1"), new DERSet(DERNull.INSTANCE))));
            ASN1EncodableVector infos = new ASN1EncodableVector();
            infos.add(info);
            infos.add(other);
            return new SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(), data.getCertificates(),
                    data.getCRLs(), new DERSet(infos));
        });

        SignatureReport signature = verifier.verify(twoSigners).signatures().get(0);

        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.UNREADABLE_SIGNATURE);
        assertThat(signature.integrity().detail()).contains("one signer");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void aCmsWithoutCertificatesLacksItsSignersCertificate() throws Exception {
        byte[] noCertificates = CmsForgery.rewrite(signed, 0, data -> new SignedData(data.getDigestAlgorithms(),
                data.getEncapContentInfo(), null, data.getCRLs(), data.getSignerInfos()));

        SignatureReport signature = verifier.verify(noCertificates).signatures().get(0);

        assertThat(signature.integrity().status()).isEqualTo(IntegrityStatus.SIGNER_CERTIFICATE_MISSING);
        assertThat(signature.integrity().detail()).contains("signer's certificate");
        assertThat(signature.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void aSignatureTimestampThatIsNoCmsIsUnreadable() throws Exception {
        byte[] badTimestamp = CmsForgery.rewrite(signed, 0, CmsForgery.signer(info -> CmsForgery.withUnsignedAttributes(
                info, new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(new DEROctetString(new byte[] {1, 2, 3})))))));

        VerificationReport report = verifier.verify(badTimestamp);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity().status()).as("unsigned attributes are outside the signature")
                .isEqualTo(IntegrityStatus.INTACT);
        assertThat(signature.timestamp().status()).isEqualTo(TimestampStatus.UNREADABLE);
        assertThat(signature.timestamp().provesTime()).isFalse();
        assertThat(signature.signingTime().source()).isEqualTo(TimeSource.VERIFICATION_TIME);
        assertThat(signature.valid()).isFalse();
        assertThat(report.allValid()).isFalse();
    }
}
