package jp.sitesign.model.signature.verify;

/**
 * An embedded OCSP response or CRL about a certificate that was not trusted and so not used: whatever it
 * says, it cannot be told apart from a forgery.
 *
 * @param kind   OCSP or CRL
 * @param source where it was found, e.g. "DSS OCSP"
 * @param reason why it was not trusted
 * @param detail the specifics, in English for logs
 */
public record IgnoredRevocation(RevocationKind kind, String source, Reason reason, String detail) {

    /** Why revocation data was not trusted. */
    public enum Reason {
        /** Its signature does not verify with the issuer's key, nor with a responder certificate it carries. */
        NOT_SIGNED_BY_ISSUER,
        /**
         * Signed by a responder certificate the issuer did not authorise: not issued by the issuer, without
         * the OCSPSigning extended key usage, or not valid when the response was produced (RFC 6960 §4.2.2.2).
         */
        RESPONDER_NOT_AUTHORISED
    }
}
