package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditAnchor;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.storage.Database;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timestamps the audit chain's head with the server's TSA (DESIGN §5: {@code tsa.url}, else the DEMO TSA in demo
 * mode) and stores the token as an {@link AuditAnchor}: daily, at each backup, at a retention cut and when the
 * operator asks. Each anchor is itself recorded in the chain (so the next anchor covers it). Without a TSA nothing
 * is anchored and a warning is logged: the log is then protected by the head's MAC alone.
 */
public final class AuditAnchoring {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);
    private static final String SYSTEM = "system";

    private final Database db;
    private final AuditLog log;
    private final Clock clock;
    private final TimestampSource tsa;

    /** @param tsa the server's TSA, or null when none is configured */
    public AuditAnchoring(Database db, AuditLog log, Clock clock, TimestampSource tsa) {
        this.db = db;
        this.log = log;
        this.clock = clock;
        this.tsa = tsa;
    }

    /** Why an anchor was taken. */
    public enum Reason { DAILY, BACKUP, CUT, OPERATOR }

    /** An anchor taken: its number, the event it covers, and the time the TSA stated. */
    public record Anchored(long id, long sequence, Instant time, String tsa) {
    }

    /** Whether a TSA is configured, so anchors can be taken. */
    public boolean configured() {
        return tsa != null;
    }

    /**
     * Timestamps the chain as it ends now. Empty when no TSA is configured (logged) or the chain is still empty.
     *
     * @param context a short note for the audit record (a backup id …), or null
     * @throws SiteSignException when the TSA cannot be reached or refuses
     */
    public Optional<Anchored> anchor(Reason reason, String context) {
        if (tsa == null) {
            LOG.warn("the audit log is not timestamped: no TSA is configured (tsa.url); it is protected by the"
                    + " head's MAC alone");
            return Optional.empty();
        }
        AuditLog.Head head = log.head();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        TimeStampToken token = token(head.seq(), head.hash());
        Instant stated = token.getTimeStampInfo().getGenTime().toInstant();
        byte[] der = encoded(token);
        return db.inTransaction(c -> {
            log.lockHead(c);
            if (head.seq() < log.checkpoints().start(c).sequence()) {
                return Optional.<Anchored>empty(); // cut meanwhile: nothing left to anchor there
            }
            long id = store(c, head.seq(), head.hash(), reason, der);
            log.append(c, new AuditLog.Entry(reason == Reason.OPERATOR ? "operator" : SYSTEM, null,
                    AuditAction.AUDIT_ANCHORED, "anchor " + id, AuditOutcome.SUCCESS, null,
                    "reason=" + reason + " seq=" + head.seq() + " tsa=" + tsa.name() + " time=" + JapanTime.display(stated)
                            + (context == null ? "" : " " + context)));
            return Optional.of(new Anchored(id, head.seq(), stated, tsa.name()));
        });
    }

    /**
     * {@link #anchor} for callers whose own work must not fail with the TSA (a backup, the daily job): a
     * failure is logged and audited, and the next run tries again.
     */
    public Optional<Anchored> anchorQuietly(Reason reason, String context) {
        try {
            return anchor(reason, context);
        } catch (RuntimeException e) {
            // The TSA (or the database) failed; the caller's own work (a backup) stands either way.
            LOG.warn("the audit log could not be timestamped ({}); the next run tries again: {}", reason, e.getMessage());
            try {
                log.append(new AuditLog.Entry(SYSTEM, null, AuditAction.AUDIT_ANCHOR_FAILED, null,
                        AuditOutcome.FAILURE, null, "reason=" + reason + " tsa=" + tsa.name() + " error="
                                + e.getMessage()));
            } catch (RuntimeException alsoFailed) {
                LOG.error("the failed audit timestamp could not be recorded either", alsoFailed);
            }
            return Optional.empty();
        }
    }

    /**
     * The periodic job: anchors unless another anchor (another server's, a backup's) was taken within half the
     * period, so several servers on one database anchor about once a period between them.
     */
    public Optional<Anchored> anchorIfDue(Duration period) {
        Instant recent = clock.instant().minus(period.dividedBy(2));
        Optional<Instant> newest = db.read(AuditAnchorRows::newest);
        if (newest.isPresent() && newest.get().isAfter(recent)) {
            return Optional.empty();
        }
        return anchorQuietly(Reason.DAILY, null);
    }

    /** A TSA token over the statement of the chain at ({@code seq}, {@code hash}). */
    TimeStampToken token(long seq, String hash) {
        try {
            return tsa.timestamp(DigestAlgorithm.SHA256, Digests.sha256(AuditAnchor.statement(seq, hash)));
        } catch (SigningException e) {
            throw AuditMessage.TIMESTAMP_FAILED.exception(tsa.name(), e.getMessage());
        }
    }

    /** Stores a token taken by {@link #token} as the next anchor; the caller holds the head's lock. */
    long store(Connection c, long seq, String hash, Reason reason, byte[] token) throws SQLException {
        return AuditAnchorRows.insert(c, seq, hash, reason, tsa.name(), clock.instant(), token);
    }

    static byte[] encoded(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
