package jp.sitesign.model.signature.verify;

import java.security.cert.CRLReason;
import java.time.Instant;

/**
 * The embedded OCSP response or CRL that decided a certificate's {@link RevocationStatus}; its
 * signature was verified against the certificate's issuer.
 *
 * @param kind      OCSP or CRL
 * @param source    where it was found, e.g. "DSS OCSP" (see {@link CertificateRevocation#sources()})
 * @param issuedAt  the time its status information is for (OCSP and CRL {@code thisUpdate})
 * @param revokedAt when the certificate was revoked; {@code null} unless it says revoked
 * @param reason    why (RFC 5280 reason code); {@code null} when not revoked or not given
 */
public record RevocationEvidence(RevocationKind kind, String source, Instant issuedAt, Instant revokedAt,
                                 CRLReason reason) {
}
