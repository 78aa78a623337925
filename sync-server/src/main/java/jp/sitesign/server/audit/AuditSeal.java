package jp.sitesign.server.audit;

import java.nio.charset.StandardCharsets;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.storage.MasterKey;

/**
 * The HMACs that tie the audit chain's head and its retention checkpoint to the master key (ADR 1), which
 * lives outside the database. Each has its own label, so one row's MAC cannot be copied onto the other.
 */
final class AuditSeal {
    private final byte[] key;

    AuditSeal(MasterKey masterKey) {
        this.key = masterKey.derive("audit-head");
    }

    /** The head row's MAC over the last event's sequence and hash. */
    String head(long seq, String hash) {
        return mac(seq + "|" + hash);
    }

    /** The checkpoint row's MAC over the last cut event's sequence and hash. */
    String checkpoint(long seq, String hash) {
        return mac("checkpoint|" + seq + "|" + hash);
    }

    private String mac(String text) {
        return Digests.hex(Digests.hmacSha256(key, text.getBytes(StandardCharsets.US_ASCII)));
    }
}
