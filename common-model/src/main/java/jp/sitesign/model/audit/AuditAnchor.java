package jp.sitesign.model.audit;

import java.util.Objects;

/**
 * A TSA's RFC 3161 token over the audit chain as it stood at one event (DESIGN §5): proof, by a third party,
 * that the chain up to event #{@code sequence} ended in {@code headHash} by the token's time. Whoever later
 * rewrites the chain, even with the database and the master key, cannot make new tokens for the rewritten
 * hashes dated in the past.
 *
 * @param id       1, 2, 3 … in the order anchors were taken
 * @param sequence the event the chain was timestamped at
 * @param headHash that event's hash, as the chain held it when the token was asked for
 * @param token    the DER time-stamp token; its message imprint is the SHA-256 of
 *                 {@link #statement(long, String)} of (sequence, headHash)
 */
public record AuditAnchor(long id, long sequence, String headHash, byte[] token) {
    public AuditAnchor {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(token, "token");
    }

    /**
     * The bytes a TSA is asked to stamp for the chain at event #{@code sequence} with hash {@code hash}: a
     * versioned, length-prefixed statement, so a token over it can mean nothing else.
     */
    public static byte[] statement(long sequence, String hash) {
        return AuditChain.canonical("sitesign-audit-anchor-v1", Long.toString(sequence), hash);
    }
}
