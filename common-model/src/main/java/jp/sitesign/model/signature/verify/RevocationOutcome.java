package jp.sitesign.model.signature.verify;

/**
 * What one embedded OCSP response or CRL contributes about one certificate: a trusted answer (good,
 * revoked or unknown, not yet judged against a time), or a reason it was not trusted.
 *
 * @param said     {@link RevocationStatus#GOOD}, {@link RevocationStatus#REVOKED} or {@link RevocationStatus#UNKNOWN}
 *                 for a trusted answer; {@code null} when ignored
 * @param evidence the trusted answer's particulars; {@code null} when ignored
 * @param ignored  why it was not trusted; {@code null} for a trusted answer
 */
record RevocationOutcome(RevocationStatus said, RevocationEvidence evidence, IgnoredRevocation ignored) {

    static RevocationOutcome trusted(RevocationStatus said, RevocationEvidence evidence) {
        return new RevocationOutcome(said, evidence, null);
    }

    static RevocationOutcome ignored(IgnoredRevocation ignored) {
        return new RevocationOutcome(null, null, ignored);
    }

    boolean isTrusted() {
        return ignored == null;
    }
}
