package jp.sitesign.model.signature.verify;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What one embedded CRL says about one certificate. It is about the certificate when it names the
 * certificate's issuer and its scope (issuing distribution point) includes that kind of certificate; it
 * is trusted only when its signature verifies with the issuer's key. A listed certificate is revoked; an
 * unlisted one is good, unless the CRL is a delta CRL or covers only some reasons (then its silence
 * proves nothing).
 */
final class CrlEvidenceCheck {
    private CrlEvidenceCheck() {
    }

    /** Empty when the CRL says nothing about {@code certificate}. */
    static Optional<RevocationOutcome> about(EmbeddedRevocation.Crl embedded, X509Certificate certificate,
                                             X509Certificate issuer) {
        X509CRL crl = embedded.crl();
        if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
            return Optional.empty();
        }
        Optional<IssuingDistributionPoint> scope = scope(crl);
        if (scope.isPresent() && !includes(scope.get(), certificate)) {
            return Optional.empty();
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(RevocationOutcome.ignored(new IgnoredRevocation(RevocationKind.CRL, embedded.source(),
                    IgnoredRevocation.Reason.NOT_SIGNED_BY_ISSUER, "the CRL's signature does not verify with the key of "
                    + issuer.getSubjectX500Principal().getName())));
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        boolean complete = scope.map(s -> s.getOnlySomeReasons() == null).orElse(true)
                && crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) == null;
        if (entry == null || entry.getRevocationReason() == CRLReason.REMOVE_FROM_CRL) {
            return complete
                    ? Optional.of(RevocationOutcome.trusted(RevocationStatus.GOOD, new RevocationEvidence(
                            RevocationKind.CRL, embedded.source(), crl.getThisUpdate().toInstant(), null, null)))
                    : Optional.empty();
        }
        return Optional.of(RevocationOutcome.trusted(RevocationStatus.REVOKED, new RevocationEvidence(RevocationKind.CRL,
                embedded.source(), crl.getThisUpdate().toInstant(), entry.getRevocationDate().toInstant(),
                entry.getRevocationReason())));
    }

    private static Optional<IssuingDistributionPoint> scope(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssuingDistributionPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An unreadable scope cannot be shown to include anything: treat it as attribute certificates only.
            // Bouncy Castle throws IllegalStateException for some scopes the JDK's CRL parser accepts, e.g. a
            // distribution point holding two names; a document must not be able to stop the verification with one.
            return Optional.of(new IssuingDistributionPoint(null, false, false, null, false, true));
        }
    }

    private static boolean includes(IssuingDistributionPoint scope, X509Certificate certificate) {
        boolean authority = certificate.getBasicConstraints() >= 0;
        return !scope.onlyContainsAttributeCerts()
                && !(scope.onlyContainsUserCerts() && authority)
                && !(scope.onlyContainsCACerts() && !authority);
    }
}
