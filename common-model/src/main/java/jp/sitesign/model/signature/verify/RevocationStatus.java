package jp.sitesign.model.signature.verify;

/**
 * What the trustworthy revocation data embedded in the document says about one certificate, judged at
 * the time its signature (or timestamp) is proven to have existed ({@link CertificateRevocation#judgedAt()}).
 * Only {@link #REVOKED} makes a signature invalid.
 */
public enum RevocationStatus {
    /** An OCSP response or CRL whose signature verifies says the certificate is not revoked. */
    GOOD,
    /** Revoked at or before the time judged at: the signature cannot be relied on. */
    REVOKED,
    /**
     * Revoked, but only after the time judged at, which a timestamp proves: the signature was made while
     * the certificate was good and stays valid.
     */
    REVOKED_AFTER_SIGNING,
    /** The OCSP responder answered that it does not know the certificate. */
    UNKNOWN,
    /** No trustworthy revocation data for it is embedded, so whether it was revoked cannot be told. */
    NOT_CHECKED
}
