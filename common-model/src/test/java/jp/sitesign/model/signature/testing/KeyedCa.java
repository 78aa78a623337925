package jp.sitesign.model.signature.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A throwaway CA whose private key the test holds (unlike {@link TestCa}), so a test can sign OCSP
 * responses as the issuer and issue look-alike certificates: any serial number, any extended key usage,
 * critical or not. Used to build the responses the LTV and timestamp checks must refuse.
 */
public final class KeyedCa {
    private final KeyPair keys;
    private final X509Certificate root;
    private long serial = 1000;

    public KeyedCa(String name) {
        this.keys = TestCa.rsaKeyPair(2048);
        X500Name subject = new X500Name("CN=" + name + ",O=SiteSign Test,C=JP");
        this.root = build(subject, subject, BigInteger.ONE, keys.getPublic(), true, null, false);
    }

    public X509Certificate root() {
        return root;
    }

    public PrivateKey key() {
        return keys.getPrivate();
    }

    /** An end-entity certificate with a fresh serial and the given extended key usage ({@code null}: none). */
    public X509Certificate issue(PublicKey key, String commonName, ExtendedKeyUsage usage, boolean critical) {
        return issue(key, commonName, BigInteger.valueOf(++serial), usage, critical);
    }

    /** As {@link #issue(PublicKey, String, ExtendedKeyUsage, boolean)} with a chosen serial (to make a look-alike). */
    public X509Certificate issue(PublicKey key, String commonName, BigInteger serialNumber, ExtendedKeyUsage usage,
                                 boolean critical) {
        return build(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + commonName + ",O=SiteSign Test,C=JP"), serialNumber, key, false, usage, critical);
    }

    public static ExtendedKeyUsage usage(KeyPurposeId... purposes) {
        return new ExtendedKeyUsage(purposes);
    }

    private X509Certificate build(X500Name issuer, X500Name subject, BigInteger serialNumber, PublicKey key,
                                  boolean ca, ExtendedKeyUsage usage, boolean critical) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (usage != null) {
                builder.addExtension(Extension.extendedKeyUsage, critical, usage);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("building a test certificate for " + subject, e);
        }
    }
}
