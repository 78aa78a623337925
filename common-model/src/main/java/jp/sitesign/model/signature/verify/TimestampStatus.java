package jp.sitesign.model.signature.verify;

/** Whether an RFC 3161 timestamp token proves its time; only {@link #VALID} does. */
public enum TimestampStatus {
    /** The imprint matches, the token's signature verifies, the certificate is a TSA's. */
    VALID,
    /** The token cannot be read as an RFC 3161 timestamp token. */
    UNREADABLE,
    /** The token does not carry the TSA's certificate. */
    TSA_CERTIFICATE_MISSING,
    /** The token was made over other data (its message imprint differs). */
    IMPRINT_MISMATCH,
    /** The token's own signature (or its signing-certificate reference) does not verify. */
    SIGNATURE_INVALID,
    /** The signing certificate lacks the critical extended key usage timeStamping. */
    NOT_A_TSA_CERTIFICATE,
    /** A digest or signature algorithm outside the accepted list. */
    UNSUPPORTED_ALGORITHM
}
