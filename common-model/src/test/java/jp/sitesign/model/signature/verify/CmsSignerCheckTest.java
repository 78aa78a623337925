package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import jp.sitesign.model.signature.testing.CmsForgery;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One CMS signer over its content, step by step, each step's refusal on a signer built here that fails exactly
 * that step: a digest outside the accepted list, no signed attributes, a message-digest of other data, a
 * signature value another key made, an algorithm outside the accepted list, a key of the wrong type, and a
 * signing-certificate attribute naming another certificate over the same key.
 */
class CmsSignerCheckTest {
    private static final byte[] CONTENT = "the signed byte ranges".getBytes(StandardCharsets.US_ASCII);

    static TestCa ca;
    static KeyPair aliceKeys;
    static X509Certificate alice;
    static X509Certificate mallory;

    @BeforeAll
    static void certificates() {
        ca = TestCa.create("SiteSign Test CMS Signer CA");
        aliceKeys = TestCa.rsaKeyPair(2048);
        alice = ca.issueSigner(aliceKeys.getPublic(), "Alice");
        mallory = ca.issueSigner(aliceKeys.getPublic(), "Mallory");
    }

    /** A detached CMS over {@code content} by {@code keys}, with signed attributes naming {@code named}. */
    private static CMSSignedData signed(String algorithm, KeyPair keys, X509Certificate certificate,
                                        X509Certificate named, boolean direct) throws Exception {
        JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build()).setDirectSignature(direct);
        if (named != null) {
            ESSCertIDv2 id = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(named.getEncoded()));
            builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                    new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))))));
        }
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()),
                certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        return generator.generate(new CMSProcessableByteArray(CONTENT), false);
    }

    private static SignerInformation signer(CMSSignedData cms) {
        return cms.getSignerInfos().getSigners().iterator().next();
    }

    private static Integrity check(CMSSignedData cms, X509Certificate certificate, byte[] content) {
        return CmsSignerCheck.check(signer(cms), certificate, content);
    }

    @Test
    void anHonestSignerIsIntact() throws Exception {
        assertThat(check(signed("SHA256withRSA", aliceKeys, alice, alice, false), alice, CONTENT))
                .isEqualTo(Integrity.passed());
        KeyPair ec = TestCa.ecKeyPair("secp256r1");
        X509Certificate eve = ca.issueSigner(ec.getPublic(), "Eve");
        assertThat(check(signed("SHA384withECDSA", ec, eve, eve, false), eve, CONTENT)).isEqualTo(Integrity.passed());
    }

    @Test
    void aDigestOutsideTheAcceptedListIsUnsupported() throws Exception {
        Integrity integrity = check(signed("SHA1withRSA", aliceKeys, alice, alice, false), alice, CONTENT);

        assertThat(integrity).isEqualTo(Integrity.failed(IntegrityStatus.UNSUPPORTED_ALGORITHM, "digest 1.3.14.3.2.26"));
    }

    @Test
    void aSignatureWithoutSignedAttributesIsRefused() throws Exception {
        Integrity integrity = check(signed("SHA256withRSA", aliceKeys, alice, null, true), alice, CONTENT);

        assertThat(integrity).isEqualTo(Integrity.failed(IntegrityStatus.SIGNATURE_INVALID,
                "no signed attributes with a message-digest"));
    }

    @Test
    void signedAttributesWithoutAMessageDigestAreRefused() throws Exception {
        CMSSignedData honest = signed("SHA256withRSA", aliceKeys, alice, alice, false);
        UnaryOperator<SignedData> dropDigest = CmsForgery.signer(info -> {
            ASN1EncodableVector kept = new ASN1EncodableVector();
            for (var attribute : info.getAuthenticatedAttributes()) {
                if (!Attribute.getInstance(attribute).getAttrType().equals(CMSAttributes.messageDigest)) {
                    kept.add(attribute);
                }
            }
            return CmsForgery.withSignedAttributes(info, new DERSet(kept));
        });
        CMSSignedData forged = new CMSSignedData(new CMSProcessableByteArray(CONTENT), new ContentInfo(
                CMSObjectIdentifiers.signedData, dropDigest.apply(SignedData.getInstance(honest.toASN1Structure().getContent()))));

        assertThat(check(forged, alice, CONTENT)).isEqualTo(Integrity.failed(IntegrityStatus.SIGNATURE_INVALID,
                "no signed attributes with a message-digest"));
    }

    @Test
    void otherDataThanTheSignedIsADigestMismatch() throws Exception {
        Integrity integrity = check(signed("SHA256withRSA", aliceKeys, alice, alice, false), alice,
                "the signed byte rangeS".getBytes(StandardCharsets.US_ASCII));

        assertThat(integrity).isEqualTo(Integrity.failed(IntegrityStatus.DIGEST_MISMATCH,
                "the SHA-256 digest of the signed data differs from the message-digest attribute"));
    }

    @Test
    void aSignatureValueAnotherKeyMadeDoesNotVerify() throws Exception {
        KeyPair other = TestCa.rsaKeyPair(2048);
        X509Certificate bob = ca.issueSigner(other.getPublic(), "Bob");

        Integrity integrity = check(signed("SHA256withRSA", aliceKeys, alice, bob, false), bob, CONTENT);

        assertThat(integrity.status()).isEqualTo(IntegrityStatus.SIGNATURE_INVALID);
        assertThat(integrity.detail()).isEqualTo("the signature value does not verify with the key of "
                + bob.getSubjectX500Principal());
    }

    @Test
    void aSignatureAlgorithmOutsideTheAcceptedListIsUnsupported() throws Exception {
        KeyPair dsa = dsaKeyPair();
        X509Certificate dan = ca.issueSigner(dsa.getPublic(), "Dan");

        Integrity integrity = check(signed("SHA256withDSA", dsa, dan, dan, false), dan, CONTENT);

        assertThat(integrity).isEqualTo(Integrity.failed(IntegrityStatus.UNSUPPORTED_ALGORITHM,
                "signature 2.16.840.1.101.3.4.3.2"));
    }

    @Test
    void aCertificateWhoseKeyCannotCheckTheAlgorithmIsRefusedNotThrown() throws Exception {
        X509Certificate eve = ca.issueSigner(TestCa.ecKeyPair("secp256r1").getPublic(), "Eve");

        Integrity integrity = check(signed("SHA256withRSA", aliceKeys, alice, eve, false), eve, CONTENT);

        assertThat(integrity.status()).isEqualTo(IntegrityStatus.SIGNATURE_INVALID);
        assertThat(integrity.detail()).startsWith("the signature cannot be verified: ");
    }

    @Test
    void aSigningCertificateAttributeNamingAnotherCertificateOverTheSameKeyIsAMismatch() throws Exception {
        Integrity swapped = check(signed("SHA256withRSA", aliceKeys, alice, alice, false), mallory, CONTENT);
        Integrity unnamed = check(signed("SHA256withRSA", aliceKeys, alice, null, false), alice, CONTENT);

        assertThat(swapped.status()).isEqualTo(IntegrityStatus.SIGNING_CERTIFICATE_MISMATCH);
        assertThat(swapped.detail()).startsWith("the signing-certificate attribute names another certificate than");
        assertThat(unnamed).isEqualTo(Integrity.failed(IntegrityStatus.SIGNING_CERTIFICATE_MISMATCH,
                "no signing-certificate attribute"));
    }

    private static KeyPair dsaKeyPair() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
