package jp.sitesign.model.signature.verify;

/** The two kinds of revocation data a document can embed. */
public enum RevocationKind {
    /** An RFC 6960 OCSP response. */
    OCSP,
    /** An RFC 5280 certificate revocation list. */
    CRL
}
