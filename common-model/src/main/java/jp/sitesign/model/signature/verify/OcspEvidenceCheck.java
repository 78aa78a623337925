package jp.sitesign.model.signature.verify;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * What one embedded OCSP response says about one certificate. It is about the certificate when a
 * single response's certID names its serial number and its issuer's name and key; it is trusted only
 * when signed by that issuer, or by a responder certificate the issuer signed with the OCSPSigning
 * extended key usage and that was valid when the response was produced (RFC 6960 §4.2.2.2).
 */
final class OcspEvidenceCheck {
    private OcspEvidenceCheck() {
    }

    /** Empty when the response says nothing about {@code certificate}. */
    static Optional<RevocationOutcome> about(EmbeddedRevocation.Ocsp ocsp, X509Certificate certificate,
                                             X509Certificate issuer) {
        Optional<SingleResp> single = singleFor(ocsp.response(), certificate, issuer);
        if (single.isEmpty()) {
            return Optional.empty();
        }
        Optional<IgnoredRevocation> untrusted = untrusted(ocsp, issuer);
        if (untrusted.isPresent()) {
            return Optional.of(RevocationOutcome.ignored(untrusted.get()));
        }
        Instant issuedAt = single.get().getThisUpdate().toInstant();
        CertificateStatus status = single.get().getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return Optional.of(RevocationOutcome.trusted(RevocationStatus.GOOD,
                    new RevocationEvidence(RevocationKind.OCSP, ocsp.source(), issuedAt, null, null)));
        }
        if (status instanceof RevokedStatus revoked) {
            CRLReason reason = revoked.hasRevocationReason() ? reason(revoked.getRevocationReason()) : null;
            return Optional.of(RevocationOutcome.trusted(RevocationStatus.REVOKED, new RevocationEvidence(
                    RevocationKind.OCSP, ocsp.source(), issuedAt, revoked.getRevocationTime().toInstant(), reason)));
        }
        return Optional.of(RevocationOutcome.trusted(RevocationStatus.UNKNOWN,
                new RevocationEvidence(RevocationKind.OCSP, ocsp.source(), issuedAt, null, null)));
    }

    private static Optional<SingleResp> singleFor(BasicOCSPResp response, X509Certificate certificate,
                                                  X509Certificate issuer) {
        try {
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (SingleResp single : response.getResponses()) {
                if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                        && single.getCertID().matchesIssuer(issuerHolder, new JcaDigestCalculatorProviderBuilder().build())) {
                    return Optional.of(single);
                }
            }
        } catch (CertificateEncodingException | OCSPException | OperatorCreationException e) {
            // A certID whose hash algorithm cannot be computed cannot be matched to the certificate.
        }
        return Optional.empty();
    }

    /** Why the response cannot be trusted, or empty if its signer is the issuer or a responder it authorised. */
    private static Optional<IgnoredRevocation> untrusted(EmbeddedRevocation.Ocsp ocsp, X509Certificate issuer) {
        BasicOCSPResp response = ocsp.response();
        if (signedWith(response, issuer.getPublicKey())) {
            return Optional.empty();
        }
        String problem = null;
        for (X509CertificateHolder responder : response.getCerts()) {
            Optional<PublicKey> key = publicKey(responder);
            if (key.isEmpty() || !signedWith(response, key.get())) {
                continue;
            }
            problem = responderProblem(responder, issuer, response.getProducedAt());
            if (problem == null) {
                return Optional.empty();
            }
        }
        if (problem != null) {
            return Optional.of(new IgnoredRevocation(RevocationKind.OCSP, ocsp.source(),
                    IgnoredRevocation.Reason.RESPONDER_NOT_AUTHORISED, problem));
        }
        return Optional.of(new IgnoredRevocation(RevocationKind.OCSP, ocsp.source(),
                IgnoredRevocation.Reason.NOT_SIGNED_BY_ISSUER, "the response is signed neither by "
                + issuer.getSubjectX500Principal().getName() + " nor by a responder certificate it carries"));
    }

    /** What keeps a responder certificate that signed the response from speaking for the issuer, or {@code null}. */
    private static String responderProblem(X509CertificateHolder responder, X509Certificate issuer, Date producedAt) {
        try {
            if (!responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return "the responder " + responder.getSubject() + " is not certified by "
                        + issuer.getSubjectX500Principal().getName();
            }
        } catch (CertException | OperatorCreationException e) {
            return "the responder " + responder.getSubject() + " certificate's signature cannot be checked";
        }
        Extension usage = responder.getExtension(Extension.extendedKeyUsage);
        if (usage == null || !ExtendedKeyUsage.getInstance(usage.getParsedValue())
                .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            return "the responder " + responder.getSubject() + " lacks the OCSPSigning extended key usage";
        }
        if (!responder.isValidOn(producedAt)) {
            return "the responder " + responder.getSubject() + " certificate was not valid when the response was produced";
        }
        return null;
    }

    private static boolean signedWith(BasicOCSPResp response, PublicKey key) {
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(key);
            return response.isSignatureValid(verifier);
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<PublicKey> publicKey(X509CertificateHolder holder) {
        try {
            return Optional.of(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .getCertificate(holder).getPublicKey());
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    /** RFC 5280 reason codes are the JDK's {@link CRLReason} ordinals (7 is unused in both). */
    static CRLReason reason(int code) {
        CRLReason[] reasons = CRLReason.values();
        return code >= 0 && code < reasons.length ? reasons[code] : CRLReason.UNSPECIFIED;
    }
}
