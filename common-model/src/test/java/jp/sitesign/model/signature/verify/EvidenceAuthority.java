package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLTaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V2TBSCertListGenerator;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certification authority for the revocation unit tests, with what {@link TestCa} keeps to itself: its
 * private key (to sign CRLs with any scope), intermediate CAs with a chosen path length, certificates
 * with chosen validity, and an EC variant (whose key cannot check an RSA signature at all). Certificates
 * and CRLs come back parsed by the JDK, as {@link EmbeddedRevocation} parses what a document embeds.
 */
final class EvidenceAuthority {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);

    private final KeyPair keys;
    private final X509Certificate certificate;

    private EvidenceAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A self-signed RSA root. */
    static EvidenceAuthority root(String commonName) {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        return new EvidenceAuthority(keys, build(name(commonName), keys.getPublic(), name(commonName), keys,
                "SHA256withRSA", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)),
                List.of(caExtension(null))));
    }

    /** A self-signed EC (P-256) root. */
    static EvidenceAuthority ecRoot(String commonName) {
        KeyPair keys = TestCa.ecKeyPair("secp256r1");
        return new EvidenceAuthority(keys, build(name(commonName), keys.getPublic(), name(commonName), keys,
                "SHA256withECDSA", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)),
                List.of(caExtension(null))));
    }

    /** A CA this one certifies; {@code pathLength} {@code null} for no limit. */
    EvidenceAuthority intermediate(String commonName, Integer pathLength) {
        KeyPair childKeys = TestCa.rsaKeyPair(2048);
        return new EvidenceAuthority(childKeys, issue(name(commonName), childKeys.getPublic(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1000)),
                List.of(caExtension(pathLength))));
    }

    /** An end-entity (signer) certificate, valid from yesterday for two years. */
    X509Certificate endEntity(PublicKey key, String commonName) {
        return issue(name(commonName), key, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(730)),
                List.of(new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(false))),
                        new Extension(Extension.keyUsage, true, encoded(new KeyUsage(KeyUsage.digitalSignature)))));
    }

    /** A delegated OCSP responder certificate (OCSPSigning) valid only from {@code notBefore} to {@code notAfter}. */
    X509Certificate ocspResponder(PublicKey key, String commonName, Instant notBefore, Instant notAfter) {
        return issue(name(commonName), key, notBefore, notAfter,
                List.of(new Extension(Extension.basicConstraints, true, encoded(new BasicConstraints(false))),
                        new Extension(Extension.extendedKeyUsage, false,
                                encoded(new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)))));
    }

    X509Certificate issue(X500Name subject, PublicKey key, Instant notBefore, Instant notAfter, List<Extension> extensions) {
        return build(subject, key, X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys,
                algorithm(), notBefore, notAfter, extensions);
    }

    /** A CRL issued at {@code thisUpdate}, for a day, shaped by {@code content}, signed with this CA's key. */
    X509CRL crl(Instant thisUpdate, CrlContent content) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
            content.add(builder);
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm()).build(keys.getPrivate())).getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException("building a test CRL", e);
        }
    }

    /**
     * A CRL of this CA whose issuing distribution point is {@code scope} exactly as given, written by hand
     * because Bouncy Castle's CRL builder refuses a scope it cannot read itself.
     */
    X509CRL crlWithScope(Instant thisUpdate, ASN1Encodable scope) {
        try {
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                    DERNull.INSTANCE);
            V2TBSCertListGenerator tbs = new V2TBSCertListGenerator();
            tbs.setIssuer(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
            tbs.setThisUpdate(new Time(Date.from(thisUpdate)));
            tbs.setNextUpdate(new Time(Date.from(thisUpdate.plus(Duration.ofDays(1)))));
            tbs.setSignature(algorithm);
            tbs.setExtensions(new Extensions(new Extension(Extension.issuingDistributionPoint, true,
                    scope.toASN1Primitive().getEncoded())));
            TBSCertList list = tbs.generateTBSCertList();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(list.getEncoded());
            byte[] der = new DERSequence(new ASN1Encodable[] {list, algorithm, new DERBitString(signature.sign())})
                    .getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException("building a test CRL by hand", e);
        }
    }

    /**
     * An issuing distribution point whose distributionPoint holds two names: the JDK reads the first and
     * accepts the CRL; Bouncy Castle cannot read it (IllegalStateException).
     */
    static ASN1Encodable scopeWithTwoNames() {
        GeneralNames crlAt = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                "http://crl.example.jp/ca.crl"));
        return new DERSequence(new DLTaggedObject(false, 0, new DLSequence(new ASN1Encodable[] {
                new DERTaggedObject(false, 0, crlAt), new DERTaggedObject(false, 0, crlAt)})));
    }

    X509Certificate certificate() {
        return certificate;
    }

    KeyPair keys() {
        return keys;
    }

    @FunctionalInterface
    interface CrlContent {
        void add(X509v2CRLBuilder builder) throws Exception;
    }

    private String algorithm() {
        return keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=SiteSign Test,C=JP");
    }

    private static Extension caExtension(Integer pathLength) {
        return new Extension(Extension.basicConstraints, true,
                encoded(pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength)));
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object value) {
        try {
            return value.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, KeyPair issuerKeys,
                                         String algorithm, Instant notBefore, Instant notAfter, List<Extension> extensions) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject, key);
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("building a test certificate for " + subject, e);
        }
    }
}
