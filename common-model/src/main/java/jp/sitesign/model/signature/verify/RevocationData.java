package jp.sitesign.model.signature.verify;

/** Whether revocation data for a certificate is embedded in the document. */
public enum RevocationData {
    /** An OCSP response or CRL for it is in {@code /DSS} or in the signature's revocation-info attribute. */
    PRESENT,
    /** Nothing embedded: a verifier years from now could not tell whether it was revoked. */
    NOT_PRESENT
}
