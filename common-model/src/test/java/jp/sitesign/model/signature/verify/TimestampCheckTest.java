package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An RFC 3161 token over given data, each rule of {@link TimestampCheck} on a token built here (by hand, as a
 * TSA library refuses to make most of them): the imprint's digest must be an accepted one and be the data's,
 * the token must carry its TSA's certificate, its signature must verify with that certificate's key with an
 * accepted digest, and that certificate must be marked critically for time stamping. Only then does the
 * token's time count as proof, with the TSA's chain to the configured anchor.
 */
class TimestampCheckTest {
    private static final byte[] DATA = "the signature value".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicLong SERIAL = new AtomicLong(100);
    private static final Instant GEN_TIME = Instant.parse("2026-12-01T03:00:00Z");

    static KeyPair rootKeys;
    static X509Certificate root;
    static KeyPair tsaKeys;
    static X509Certificate tsa;

    private final TimestampTokenVerifier verifier = new TimestampTokenVerifier(List.of(root));

    @BeforeAll
    static void authorities() throws Exception {
        rootKeys = TestCa.rsaKeyPair(2048);
        root = certificate("CN=Timestamp Test Root,C=JP", rootKeys, rootKeys, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
        tsaKeys = TestCa.rsaKeyPair(2048);
        tsa = tsaCertificate("Timestamp Test TSA", KeyPurposeId.id_kp_timeStamping, true);
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static X509Certificate certificate(String subject, KeyPair keys, KeyPair issuerKeys, Extensions extensions)
            throws Exception {
        X500Name issuer = root == null ? new X500Name(subject) : X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(GEN_TIME.minus(Duration.ofDays(30))), Date.from(GEN_TIME.plus(Duration.ofDays(3650))),
                new X500Name(subject), keys.getPublic());
        extensions.add(builder);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    /** A certificate for {@code tsaKeys}, with the extended key usage {@code purpose} (null: none). */
    private static X509Certificate tsaCertificate(String name, KeyPurposeId purpose, boolean critical) throws Exception {
        return certificate("CN=" + name + ",C=JP", tsaKeys, rootKeys, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, critical, new ExtendedKeyUsage(purpose));
            }
        });
    }

    /** How a token is made: who signs, with what, over which imprint, carrying which certificates. */
    private record Token(X509Certificate certificate, KeyPair keys, String signatureAlgorithm,
                         ASN1ObjectIdentifier imprintAlgorithm, byte[] imprint, List<X509Certificate> carried) {
        static Token honest() throws Exception {
            return new Token(tsa, tsaKeys, "SHA256withRSA", NISTObjectIdentifiers.id_sha256, sha256(DATA), List.of(tsa, root));
        }

        Token signedBy(X509Certificate other, KeyPair otherKeys) {
            return new Token(other, otherKeys, signatureAlgorithm, imprintAlgorithm, imprint, List.of(other, root));
        }

        Token signedWith(String algorithm) {
            return new Token(certificate, keys, algorithm, imprintAlgorithm, imprint, carried);
        }

        Token over(ASN1ObjectIdentifier algorithm, byte[] digest) {
            return new Token(certificate, keys, signatureAlgorithm, algorithm, digest, carried);
        }

        Token carrying(X509Certificate... certificates) {
            return new Token(certificate, keys, signatureAlgorithm, imprintAlgorithm, imprint, List.of(certificates));
        }

        byte[] encoded() throws Exception {
            TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"),
                    new MessageImprint(new AlgorithmIdentifier(imprintAlgorithm, DERNull.INSTANCE), imprint),
                    new ASN1Integer(SERIAL.incrementAndGet()), new ASN1GeneralizedTime(Date.from(GEN_TIME), Locale.ROOT),
                    null, null, null, null, null);
            ESSCertIDv2 id = new ESSCertIDv2(sha256(certificate.getEncoded()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(GEN_TIME)))));
            AttributeTable signedAttributes = new AttributeTable(attributes);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()), certificate));
            generator.addCertificates(new JcaCertStore(new ArrayList<>(carried)));
            return generator.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                    info.getEncoded("DER")), true).getEncoded();
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void anHonestTokenByATrustedTsaProvesItsTime() throws Exception {
        TimestampReport report = verifier.verify(Token.honest().encoded(), DATA);

        assertThat(report.status()).as(String.valueOf(report.detail())).isEqualTo(TimestampStatus.VALID);
        assertThat(report.time()).isEqualTo(GEN_TIME);
        assertThat(report.detail()).isNull();
        assertThat(report.tsa().subject()).contains("CN=Timestamp Test TSA");
        assertThat(report.tsa().trusted()).isTrue();
        assertThat(report.provesTime()).isTrue();
    }

    @Test
    void aTokenOverOtherDataIsAnImprintMismatchThatStillNamesItsTsa() throws Exception {
        TimestampReport report = verifier.verify(Token.honest().encoded(), "other data".getBytes(StandardCharsets.US_ASCII));

        assertThat(report.status()).isEqualTo(TimestampStatus.IMPRINT_MISMATCH);
        assertThat(report.detail()).isEqualTo(
                "the token's message imprint is not the SHA-256 digest of the timestamped data");
        assertThat(report.time()).isEqualTo(GEN_TIME);
        assertThat(report.tsa().trusted()).isTrue();
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void anImprintWithADigestOutsideTheAcceptedListIsUnsupported() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(DATA);

        TimestampReport report = verifier.verify(Token.honest().over(OIWObjectIdentifiers.idSHA1, sha1).encoded(), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.UNSUPPORTED_ALGORITHM);
        assertThat(report.detail()).isEqualTo("imprint digest 1.3.14.3.2.26");
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void aTokenWithoutItsTsaCertificateProvesNothing() throws Exception {
        TimestampReport report = verifier.verify(Token.honest().carrying(root).encoded(), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.TSA_CERTIFICATE_MISSING);
        assertThat(report.detail()).isEqualTo("the token does not carry the TSA certificate");
        assertThat(report.time()).isEqualTo(GEN_TIME);
        assertThat(report.tsa()).isNull();
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyThanItsCertificatesIsInvalid() throws Exception {
        KeyPair other = TestCa.rsaKeyPair(2048);
        Token forged = new Token(tsa, other, "SHA256withRSA", NISTObjectIdentifiers.id_sha256, sha256(DATA), List.of(tsa, root));

        TimestampReport report = verifier.verify(forged.encoded(), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.SIGNATURE_INVALID);
        assertThat(report.detail()).startsWith("the signature value does not verify with the key of");
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void aTokenSignedWithADigestOutsideTheAcceptedListIsUnsupported() throws Exception {
        TimestampReport report = verifier.verify(Token.honest().signedWith("SHA1withRSA").encoded(), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.UNSUPPORTED_ALGORITHM);
        assertThat(report.detail()).isEqualTo("digest 1.3.14.3.2.26");
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void onlyACertificateMarkedCriticallyForTimeStampingMakesATsa() throws Exception {
        X509Certificate noUsage = tsaCertificate("No Usage", null, true);
        X509Certificate otherUsage = tsaCertificate("Code Signer", KeyPurposeId.id_kp_codeSigning, true);
        X509Certificate notCritical = tsaCertificate("Non-critical TSA", KeyPurposeId.id_kp_timeStamping, false);

        for (X509Certificate certificate : List.of(noUsage, otherUsage, notCritical)) {
            TimestampReport report = verifier.verify(Token.honest().signedBy(certificate, tsaKeys).encoded(), DATA);

            assertThat(report.status()).as(certificate.getSubjectX500Principal().getName())
                    .isEqualTo(TimestampStatus.NOT_A_TSA_CERTIFICATE);
            assertThat(report.detail()).isEqualTo(certificate.getSubjectX500Principal()
                    + " has no critical extended key usage timeStamping");
            assertThat(report.provesTime()).isFalse();
        }
    }

    @Test
    void aTokenByATsaOutsideTheTrustAnchorsDoesNotProveItsTime() throws Exception {
        TimestampReport report = new TimestampTokenVerifier(List.of(TestCa.create("Another Root").root()))
                .verify(Token.honest().encoded(), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.VALID);
        assertThat(report.tsa().trusted()).isFalse();
        assertThat(report.provesTime()).isFalse();
    }

    @Test
    void somethingThatIsNoTokenIsUnreadable() throws Exception {
        TimestampReport report = verifier.verify("not a token".getBytes(StandardCharsets.US_ASCII), DATA);

        assertThat(report.status()).isEqualTo(TimestampStatus.UNREADABLE);
        assertThat(report.provesTime()).isFalse();
    }
}
