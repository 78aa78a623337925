package jp.sitesign.model.signature.verify;

import java.util.List;

/**
 * Embedded revocation data for a chain, certificate by certificate (the trust anchor needs none).
 *
 * @param data         {@link RevocationData#PRESENT} when every certificate below the anchor has some
 * @param certificates one entry per certificate, signer first
 */
public record RevocationReport(RevocationData data, List<CertificateRevocation> certificates) {

    public RevocationReport {
        certificates = List.copyOf(certificates);
    }

    /** Whether any certificate of the chain is known to be revoked (never, until statuses are evaluated). */
    public boolean anyRevoked() {
        return certificates.stream().anyMatch(c -> c.status() == RevocationStatus.REVOKED);
    }
}
