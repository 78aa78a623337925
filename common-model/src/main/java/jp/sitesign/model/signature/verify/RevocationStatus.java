package jp.sitesign.model.signature.verify;

/**
 * What embedded revocation data says about a certificate. This verifier does not evaluate it yet
 * and reports {@link #NOT_CHECKED}; the long-term validation work fills the rest in.
 */
public enum RevocationStatus {
    NOT_CHECKED,
    GOOD,
    REVOKED,
    UNKNOWN
}
