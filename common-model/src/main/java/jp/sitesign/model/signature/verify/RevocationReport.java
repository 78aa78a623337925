package jp.sitesign.model.signature.verify;

import java.util.List;

/**
 * Revocation of a chain, certificate by certificate (the trust anchor, or a self-signed root, needs none),
 * as the document's own embedded data says.
 *
 * @param data         {@link RevocationData#PRESENT} when every certificate below the anchor has trustworthy data
 * @param certificates one entry per certificate, end entity first
 */
public record RevocationReport(RevocationData data, List<CertificateRevocation> certificates) {

    public RevocationReport {
        certificates = List.copyOf(certificates);
    }

    /** For a chain that could not be built (no certificate at hand): nothing checked. */
    static RevocationReport none() {
        return new RevocationReport(RevocationData.NOT_PRESENT, List.of());
    }

    /**
     * Whether any certificate of the chain was revoked at or before the time it is judged at: then the
     * signature (or timestamp) cannot be relied on. A revocation after a proven signing time does not count.
     */
    public boolean anyRevoked() {
        return certificates.stream().anyMatch(c -> c.status() == RevocationStatus.REVOKED);
    }
}
