package jp.sitesign.desktop.signatures;

/** The traffic light of one signature or document timestamp; the view colours it, the texts name it. */
public enum SignatureLight {
    /** Valid: intact, trusted, only allowed additions after it, its timestamp (if any) proves its time. */
    GREEN,
    /** Intact and unchanged, but something cannot be confirmed: the signer or the timestamp's TSA is not trusted. */
    YELLOW,
    /** Cannot be relied on: altered, modified after signing, revoked, a broken timestamp, or unknown coverage. */
    RED
}
