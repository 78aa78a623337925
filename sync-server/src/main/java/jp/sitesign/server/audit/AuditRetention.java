package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditCheckpoint;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit events are kept {@code audit.retention-years} (JST calendar years); older ones are cut. The cut leaves
 * a checkpoint — the last removed event's sequence and hash, sealed under the master key and timestamped by
 * the TSA as an anchor — from which {@code audit verify} checks what is kept, as it did from the genesis.
 * A log whose chain is already broken is not cut: the cut would destroy the evidence.
 */
public final class AuditRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final Database db;
    private final AuditLog log;
    private final AuditAnchoring anchoring;
    private final Clock clock;
    private final int years;

    public AuditRetention(Database db, AuditLog log, AuditAnchoring anchoring, Clock clock, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("setting audit.retention-years must be 1 or more, not " + years);
        }
        this.db = db;
        this.log = log;
        this.anchoring = anchoring;
        this.clock = clock;
        this.years = years;
    }

    /**
     * What a cut removed: events #{@code from} to #{@code to} (the new checkpoint), all older than {@code before}.
     *
     * @param anchor the anchor over the checkpoint, or null when no TSA is configured
     */
    public record Cut(long from, long to, long events, Instant before, Long anchor) {
    }

    /** The instant before which events are past retention. */
    public Instant threshold() {
        return ZonedDateTime.now(clock.withZone(JapanTime.ZONE)).minusYears(years).toInstant();
    }

    /**
     * Cuts every event older than the retention period; empty when none is.
     *
     * @throws SiteSignException when the chain is broken (nothing is cut) or the TSA fails (nothing is cut; the
     *                           next run tries again)
     */
    public Optional<Cut> cutDue() {
        Instant before = threshold();
        AuditCheckpoint start = db.read(c -> log.checkpoints().start(c));
        Optional<Long> last = db.read(c -> lastBefore(c, before));
        if (last.isEmpty() || last.get() <= start.sequence()) {
            return Optional.empty();
        }
        Optional<AuditChain.Break> broken = log.verify();
        if (broken.isPresent()) {
            throw AuditMessage.BROKEN_NO_PURGE.exception(broken.get().description());
        }
        long upTo = last.get();
        String hash = db.read(c -> log.hashAt(c, upTo)).orElseThrow();
        byte[] token = null;
        if (anchoring.configured()) {
            token = AuditAnchoring.encoded(anchoring.token(upTo, hash));
        } else {
            LOG.warn("audit events up to #{} are cut without a timestamp over the checkpoint: no TSA is configured", upTo);
        }
        byte[] anchorToken = token;
        return db.inTransaction(c -> cut(c, start, upTo, hash, before, anchorToken));
    }

    private Optional<Cut> cut(Connection c, AuditCheckpoint seen, long upTo, String hash, Instant before, byte[] token)
            throws SQLException {
        log.lockHead(c);
        AuditCheckpoint start = log.checkpoints().start(c);
        if (start.sequence() >= upTo || !start.equals(seen) || !log.hashAt(c, upTo).orElse("").equals(hash)) {
            return Optional.empty(); // another server cut meanwhile; its checkpoint stands
        }
        long removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_events WHERE seq <= ?")) {
            ps.setLong(1, upTo);
            removed = ps.executeUpdate();
        }
        // Stored before the older anchors go, so anchor numbers keep rising.
        Long anchor = token == null ? null : anchoring.store(c, upTo, hash, AuditAnchoring.Reason.CUT, token);
        AuditAnchorRows.deleteBefore(c, upTo);
        Instant now = clock.instant();
        log.checkpoints().write(c, new AuditCheckpoint(upTo, hash), now);
        Cut cut = new Cut(start.sequence() + 1, upTo, removed, before, anchor);
        log.append(c, new AuditLog.Entry("system", null, AuditAction.AUDIT_CUT, "checkpoint #" + upTo,
                AuditOutcome.SUCCESS, null, "events #" + cut.from() + "-#" + upTo + " (" + removed + ") before "
                        + JapanTime.display(before) + " removed; checkpoint=" + hash + " anchor="
                        + (anchor == null ? "none" : anchor.toString())));
        return Optional.of(cut);
    }

    private static Optional<Long> lastBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_events WHERE occurred_at < ?")) {
            Jdbc.setInstant(ps, 1, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(seq);
            }
        }
    }
}
