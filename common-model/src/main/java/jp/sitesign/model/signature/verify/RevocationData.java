package jp.sitesign.model.signature.verify;

/** Whether trustworthy revocation data for a certificate is embedded in the document. */
public enum RevocationData {
    /**
     * An OCSP response or CRL about it, signed by its issuer (or a responder the issuer authorised), is in
     * {@code /DSS}, the signature's revocation-info attribute or the CMS CRLs.
     */
    PRESENT,
    /** Nothing trustworthy embedded: a verifier years from now could not tell whether it was revoked. */
    NOT_PRESENT
}
