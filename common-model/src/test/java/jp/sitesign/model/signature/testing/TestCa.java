package jp.sitesign.model.signature.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throwaway certification authority for tests: an RSA-2048 root that issues signer and TSA
 * certificates. One made {@link #withRevocation} also runs an OCSP responder and a CRL server on
 * loopback ({@link TestRevocationServer}) and writes their URLs into every certificate it issues
 * (AIA OCSP and caIssuers, CRL distribution point); {@link #revoke} makes both report a certificate as revoked.
 */
public final class TestCa implements AutoCloseable {
    private final String name;
    private final KeyPair keys;
    private final X509Certificate root;
    private final AtomicLong serial = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);
    private TestRevocationServer revocation;

    private TestCa(String name) throws GeneralSecurityException {
        this.name = name;
        this.keys = rsaKeyPair(2048);
        this.root = build(new X500Name("CN=" + name + ",O=SiteSign Test,C=JP"), keys.getPublic(), Duration.ofDays(3650),
                builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    public static TestCa create(String name) {
        try {
            return new TestCa(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA whose certificates name its OCSP responder and CRL, both served on 127.0.0.1. */
    public static TestCa withRevocation(String name) {
        TestCa ca = create(name);
        try {
            ca.revocation = new TestRevocationServer(ca.root, ca.keys.getPrivate());
        } catch (IOException e) {
            throw new IllegalStateException("starting the test CA's OCSP and CRL server", e);
        }
        return ca;
    }

    /** The OCSP responder and CRL server, to make them fail or count requests. */
    public TestRevocationServer revocation() {
        if (revocation == null) {
            throw new IllegalStateException(this + " was made without revocation services");
        }
        return revocation;
    }

    /** From now on the OCSP responder and the CRL report {@code certificate} revoked (key compromise, an hour ago). */
    public void revoke(X509Certificate certificate) {
        revoke(certificate, Instant.now().minus(Duration.ofHours(1)));
    }

    /** From now on the OCSP responder and the CRL report {@code certificate} revoked since {@code when}. */
    public void revoke(X509Certificate certificate, Instant when) {
        revocation().revoke(certificate.getSerialNumber(), when);
    }

    @Override
    public void close() {
        if (revocation != null) {
            revocation.close();
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** A certificate for a person's signing key: digitalSignature and nonRepudiation. */
    public X509Certificate issueSigner(PublicKey key, String commonName) {
        return issue(key, "CN=" + commonName + ",O=SiteSign Test,C=JP", builder -> builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /** A company signing certificate (電子証明書): subject O is the company, as the server requires. */
    public X509Certificate issueCompanySigner(PublicKey key, String commonName, String company) {
        return issue(key, "CN=" + commonName + ",O=" + company + ",C=JP", builder -> builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /** A signer certificate valid only from {@code notBefore} to {@code notAfter} (e.g. one that has expired). */
    public X509Certificate issueSigner(PublicKey key, String commonName, Instant notBefore, Instant notAfter) {
        try {
            return build(new X500Name("CN=" + commonName + ",O=SiteSign Test,C=JP"), key, notBefore, notAfter, builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TSA certificate: extended key usage timeStamping only, critical (RFC 3161 §2.3). */
    public X509Certificate issueTsa(PublicKey key, String commonName) {
        return issue(key, "CN=" + commonName + ",O=SiteSign Test,C=JP", builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        });
    }

    /** A TSA certificate valid only from {@code notBefore} to {@code notAfter} (e.g. one about to expire). */
    public X509Certificate issueTsa(PublicKey key, String commonName, Instant notBefore, Instant notAfter) {
        try {
            return build(new X500Name("CN=" + commonName + ",O=SiteSign Test,C=JP"), key, notBefore, notAfter, builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
                if (revocation != null) {
                    addRevocationPointers(builder);
                }
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delegated OCSP responder's certificate: extended key usage OCSPSigning (RFC 6960 §4.2.2.2). */
    public X509Certificate issueOcspResponder(PublicKey key, String commonName) {
        return issue(key, "CN=" + commonName + ",O=SiteSign Test,C=JP", builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        });
    }

    private X509Certificate issue(PublicKey key, String subject, Extensions extensions) {
        try {
            return build(new X500Name(subject), key, Duration.ofDays(730), builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
                if (revocation != null) {
                    addRevocationPointers(builder);
                }
                extensions.add(builder);
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addRevocationPointers(X509v3CertificateBuilder builder) throws IOException {
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(revocation.ocspUrl().toString())),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(revocation.issuerUrl().toString()))}));
        DistributionPointName crl = new DistributionPointName(new GeneralNames(uri(revocation.crlUrl().toString())));
        builder.addExtension(Extension.cRLDistributionPoints, false,
                new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(crl, null, null)}));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private X509Certificate build(X500Name subject, PublicKey key, Duration validity, Extensions extensions)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        return build(subject, key, now.minus(Duration.ofHours(1)), now.plus(validity), extensions);
    }

    private X509Certificate build(X500Name subject, PublicKey key, Instant notBefore, Instant notAfter,
                                  Extensions extensions) throws GeneralSecurityException {
        try {
            X500Name issuer = root == null ? subject : X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(serial.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("building a test certificate for " + subject, e);
        }
    }

    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes certificates as PEM, e.g. for {@code openssl -CAfile}. */
    public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
        }
        return Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "TestCa[" + name + "]";
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }
}
