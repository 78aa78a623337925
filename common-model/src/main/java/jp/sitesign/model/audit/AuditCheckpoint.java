package jp.sitesign.model.audit;

import java.util.Objects;

/**
 * Where the kept part of the audit chain begins once a retention cut has removed its oldest events: the
 * sequence and hash of the last event removed. The first event kept names that hash as its previous one, so
 * the chain is checked from here exactly as it was from the genesis.
 *
 * @param sequence the last removed event's sequence; 0 when nothing was cut
 * @param hash     that event's hash; {@link AuditChain#GENESIS} when nothing was cut
 */
public record AuditCheckpoint(long sequence, String hash) {
    /** Nothing cut: the chain begins at event #1, after the genesis hash. */
    public static final AuditCheckpoint NONE = new AuditCheckpoint(0, AuditChain.GENESIS);

    public AuditCheckpoint {
        Objects.requireNonNull(hash, "hash");
        if (sequence < 0) {
            throw new IllegalArgumentException("a checkpoint sequence is 0 or more");
        }
    }
}
