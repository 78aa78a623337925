package jp.sitesign.server.audit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAnchor;
import jp.sitesign.model.audit.AuditAnchorCheck;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditCheckpoint;
import jp.sitesign.server.storage.Database;

/**
 * The whole check behind {@code audit verify}: the chain from its checkpoint to its sealed head
 * ({@link AuditLog#verify()}), then every anchor against the chain as it is now ({@link AuditAnchorCheck}),
 * offline, with the TSA certificate each token carries and the server's trust anchors.
 */
public final class AuditVerification {
    private final Database db;
    private final AuditLog log;
    private final List<X509Certificate> trustAnchors;

    public AuditVerification(Database db, AuditLog log, List<X509Certificate> trustAnchors) {
        this.db = db;
        this.log = log;
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    /**
     * What the check found.
     *
     * @param chain      the first broken link, if any
     * @param checkpoint where the kept chain begins ({@link AuditCheckpoint#NONE} before any cut)
     * @param cutAt      when the checkpoint was written, or null
     * @param head       the last event's sequence
     * @param anchors    every anchor's outcome, oldest first
     */
    public record Report(Optional<AuditChain.Break> chain, AuditCheckpoint checkpoint, Instant cutAt, long head,
            List<AuditAnchorCheck.Result> anchors) {

        public List<AuditAnchorCheck.Result> failedAnchors() {
            return anchors.stream().filter(AuditAnchorCheck.Result::failed).toList();
        }

        /** Neither a broken link nor a failed anchor. */
        public boolean intact() {
            return chain.isEmpty() && failedAnchors().isEmpty();
        }

        /** The anchor covering the furthest event among those that hold. */
        public Optional<AuditAnchorCheck.Result> lastAnchored() {
            return anchors.stream().filter(r -> !r.failed())
                    .max(Comparator.comparingLong((AuditAnchorCheck.Result r) -> r.anchor().sequence())
                            .thenComparing(r -> r.anchor().id()));
        }
    }

    public Report run() {
        Optional<AuditChain.Break> chain = log.verify();
        return db.read(c -> {
            Optional<AuditCheckpoints.Stored> checkpoint = log.checkpoints().read(c);
            AuditAnchorCheck check = new AuditAnchorCheck(trustAnchors);
            List<AuditAnchorCheck.Result> results = new ArrayList<>();
            for (AuditAnchor anchor : AuditAnchorRows.all(c)) {
                results.add(check.check(anchor, log.hashAt(c, anchor.sequence())));
            }
            return new Report(chain, checkpoint.map(AuditCheckpoints.Stored::checkpoint).orElse(AuditCheckpoint.NONE),
                    checkpoint.map(AuditCheckpoints.Stored::cutAt).orElse(null), log.head().seq(), results);
        });
    }
}
