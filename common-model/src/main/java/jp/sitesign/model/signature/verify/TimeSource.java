package jp.sitesign.model.signature.verify;

/** Where the best-known signing time comes from, strongest first. */
public enum TimeSource {
    /** A valid, trusted signature timestamp (B-T): the signature existed at its time. */
    SIGNATURE_TIMESTAMP,
    /** A valid, trusted document timestamp covering the signature: it existed at that time. */
    DOCUMENT_TIMESTAMP,
    /**
     * Nothing proves an earlier time, so the time of verification is used; the {@code /M} the signer
     * claims is shown but never relied on, since anyone can write any date there.
     */
    VERIFICATION_TIME
}
