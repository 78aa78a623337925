package jp.sitesign.model.signature.core;

/** The RSA signature scheme to use with an RSA key (ignored for EC keys). */
public enum RsaPadding {
    /** RSASSA-PKCS1-v1_5: the scheme every verifier understands. */
    PKCS1_V1_5,
    /** RSASSA-PSS with MGF1 over the same digest and a salt as long as the digest. */
    PSS
}
