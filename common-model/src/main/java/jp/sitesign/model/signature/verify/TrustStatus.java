package jp.sitesign.model.signature.verify;

/**
 * Whether a certificate chains to a configured trust anchor and was valid at the time it was checked
 * at. Only {@link #TRUSTED} is trusted; the others say why not. Trust is reported apart from
 * integrity: an intact signature by an untrusted signer is "intact, signer not trusted", not "invalid".
 */
public enum TrustStatus {
    /** Chains to a trust anchor and every certificate was valid at the time checked. */
    TRUSTED,
    /** No chain to a configured trust anchor (unknown issuer, self-signed, or a broken chain). */
    UNTRUSTED_CHAIN,
    /** Chains to an anchor, but a certificate of the chain had expired at the time checked. */
    EXPIRED,
    /** Chains to an anchor, but a certificate of the chain was not yet valid at the time checked. */
    NOT_YET_VALID
}
