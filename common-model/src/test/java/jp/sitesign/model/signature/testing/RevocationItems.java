package jp.sitesign.model.signature.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * OCSP responses and CRLs made to order, signed with whatever key a test chooses: by a responder the
 * issuer authorised, by one it did not, or by a key that has nothing to do with the CA (a forgery).
 */
public final class RevocationItems {
    private RevocationItems() {
    }

    /** "Good" as of now. */
    public static CertificateStatus good() {
        return CertificateStatus.GOOD;
    }

    /** "Unknown": the responder does not know the certificate (RFC 6960 §2.2). */
    public static CertificateStatus unknown() {
        return new org.bouncycastle.cert.ocsp.UnknownStatus();
    }

    /** "Revoked at {@code when}, key compromise". */
    public static CertificateStatus revoked(Instant when) {
        return new RevokedStatus(Date.from(when), CRLReason.keyCompromise);
    }

    /**
     * A successful OCSPResponse (DER) about {@code certificate}, whose certID names {@code issuer}'s
     * name and key, signed with {@code key}; it carries {@code signerCertificate} (none if {@code null}).
     */
    public static byte[] ocsp(X509Certificate certificate, X509Certificate issuer, CertificateStatus status,
                              PrivateKey key, X509Certificate signerCertificate) {
        try {
            Instant now = Instant.now();
            CertificateID id = new JcaCertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), issuer, certificate.getSerialNumber());
            X500Name responder = signerCertificate == null ? new X500Name("CN=Somebody")
                    : X500Name.getInstance(signerCertificate.getSubjectX500Principal().getEncoded());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder));
            builder.addResponse(id, status, Date.from(now), Date.from(now.plus(Duration.ofDays(1))));
            X509CertificateHolder[] carried = signerCertificate == null ? null
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCertificate)};
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(key), carried, Date.from(now))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("building a test OCSP response", e);
        }
    }

    /**
     * A CRL (DER) in the name of {@code issuer} listing {@code revokedSerial} as revoked at {@code when}
     * (key compromise), signed with {@code key} — the issuer's own, or a forger's.
     */
    public static byte[] crl(X509Certificate issuer, java.math.BigInteger revokedSerial, Instant when, PrivateKey key) {
        try {
            Instant now = Instant.now();
            org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.X509v2CRLBuilder(
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            builder.addCRLEntry(revokedSerial, Date.from(when), CRLReason.keyCompromise);
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("building a test CRL", e);
        }
    }
}
