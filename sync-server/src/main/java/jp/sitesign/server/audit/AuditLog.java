package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditCheckpoint;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;
import jp.sitesign.server.storage.MasterKey;
import jp.sitesign.server.storage.StorageException;

/**
 * The login and operation log: one append-only SHA-256 chain in the database. Appends are serialised by
 * locking the single head row, so several server processes on one PostgreSQL keep one chain. The head
 * carries an HMAC under a key derived from the master key; so does the checkpoint a retention cut leaves
 * ({@link AuditRetention}), from which the kept chain is verified.
 */
public final class AuditLog {
    private static final int HEAD_ID = 1;

    private final Database db;
    private final Clock clock;
    private final AuditSeal seal;
    private final AuditCheckpoints checkpoints;

    public AuditLog(Database db, Clock clock, MasterKey masterKey) {
        this.db = db;
        this.clock = clock;
        this.seal = new AuditSeal(masterKey);
        this.checkpoints = new AuditCheckpoints(seal);
    }

    /** Appends in its own transaction, e.g. for a failed login whose other work is rolled back. */
    public AuditEvent append(Entry entry) {
        return db.inNewTransaction(c -> append(c, entry));
    }

    /** Appends inside the caller's transaction, so the operation and its record commit together. */
    public AuditEvent append(Connection c, Entry e) throws SQLException {
        Head head = lockHead(c);
        AuditEvent event = AuditChain.link(head.hash, head.seq + 1, clock.instant(), clip(e.actor(), 200),
                e.companyId(), e.action(), clip(e.target(), 200), e.outcome(), clip(e.clientIp(), 64),
                clip(e.details(), 1000));
        EventRows.insert(c, event);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ?, mac = ? WHERE id = ?")) {
            ps.setLong(1, event.sequence());
            ps.setString(2, event.hash());
            ps.setString(3, seal.head(event.sequence(), event.hash()));
            ps.setInt(4, HEAD_ID);
            ps.executeUpdate();
        }
        return event;
    }

    /** Locks the head row until the caller's transaction ends (no append meanwhile) and returns it. */
    Head lockHead(Connection c) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = ? FOR UPDATE")) {
                ps.setInt(1, HEAD_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            createHead();
        }
        throw new IllegalStateException("audit head row cannot be created");
    }

    /** The head row is created on first use, in its own transaction (its MAC needs the master key). */
    private void createHead() {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_head (id, last_seq, last_hash, mac) VALUES (?, 0, ?, ?)")) {
                    ps.setInt(1, HEAD_ID);
                    ps.setString(2, AuditChain.GENESIS);
                    ps.setString(3, seal.head(0, AuditChain.GENESIS));
                    return ps.executeUpdate();
                }
            });
        } catch (StorageException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
    }

    /** The end of the chain now: the last event's sequence and hash (0 and the genesis hash when empty). */
    public Head head() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = ?")) {
                ps.setInt(1, HEAD_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, AuditChain.GENESIS);
                }
            }
        });
    }

    /**
     * The hash the chain holds at event #{@code seq}: the event's, or the checkpoint's when {@code seq} is the
     * last event a retention cut removed; empty when the log holds neither.
     */
    Optional<String> hashAt(Connection c, long seq) throws SQLException {
        AuditCheckpoint start = checkpoints.start(c);
        if (seq == start.sequence()) {
            return Optional.of(start.hash());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_events WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    AuditCheckpoints checkpoints() {
        return checkpoints;
    }

    /** A page of one company's events, newest first. */
    public List<AuditEvent> find(AuditQuery q) {
        List<AuditEvent> out = new ArrayList<>();
        scan(q, "DESC", q.limit(), q.offset(), out::add);
        return out;
    }

    /** Every event of the given companies about one target (a contract's trail), in chain order. */
    public List<AuditEvent> aboutTarget(List<String> companyIds, String target) {
        return db.read(c -> {
            List<AuditEvent> out = new ArrayList<>();
            for (String company : companyIds) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM audit_events WHERE company_id = ? AND target = ? ORDER BY seq")) {
                    ps.setString(1, company);
                    ps.setString(2, target);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(read(rs));
                        }
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(AuditEvent::sequence));
            return out;
        });
    }

    /** Every matching event in chain order, streamed (for exports of any size). */
    public void forEach(AuditQuery q, EventConsumer consumer) {
        scan(q, "ASC", Integer.MAX_VALUE, 0, consumer);
    }

    private void scan(AuditQuery q, String order, int limit, int offset, EventConsumer consumer) {
        db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE company_id = ?");
            List<Object> args = new ArrayList<>();
            args.add(q.companyId());
            if (q.from() != null) {
                sql.append(" AND occurred_at >= ?");
                args.add(q.from());
            }
            if (q.to() != null) {
                sql.append(" AND occurred_at < ?");
                args.add(q.to());
            }
            if (q.actor() != null) {
                sql.append(" AND actor = ?");
                args.add(q.actor());
            }
            if (q.action() != null) {
                sql.append(" AND action = ?");
                args.add(q.action().name());
            }
            sql.append(" ORDER BY seq ").append(order).append(" LIMIT ? OFFSET ?");
            args.add(limit);
            args.add(offset);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Instant t) {
                        Jdbc.setInstant(ps, i + 1, t);
                    } else {
                        ps.setObject(i + 1, args.get(i));
                    }
                }
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(read(rs));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Receives events one by one; may write to a stream. */
    @FunctionalInterface
    public interface EventConsumer {
        void accept(AuditEvent event) throws java.io.IOException;
    }

    /**
     * Signs the head (and the retention checkpoint, if any) again under this server's master key: a restore
     * brings the chain from a backup into a data folder with a new master key (ADR 12); {@link #verify()}
     * then checks the chain as always.
     */
    public void resealHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET mac = ? WHERE id = ?")) {
            Head head = lockHead(c);
            ps.setString(1, seal.head(head.seq, head.hash));
            ps.setInt(2, HEAD_ID);
            ps.executeUpdate();
        }
        checkpoints.reseal(c);
    }

    /**
     * Walks the kept chain in sequence order, from the retention checkpoint (or the genesis), and names the
     * first broken link, if any. The head's and the checkpoint's MACs are checked first.
     */
    public Optional<AuditChain.Break> verify() {
        return db.read(c -> {
            long headSeq;
            String headHash;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash, mac FROM audit_head WHERE id = ?")) {
                ps.setInt(1, HEAD_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        headSeq = 0;
                        headHash = AuditChain.GENESIS;
                    } else {
                        headSeq = rs.getLong(1);
                        headHash = rs.getString(2);
                        if (!seal.head(headSeq, headHash).equals(rs.getString(3))) {
                            return Optional.of(new AuditChain.Break(headSeq, AuditChain.Kind.ALTERED,
                                    "the recorded end of the log (event #" + headSeq
                                            + ") was changed without the master key"));
                        }
                    }
                }
            }
            Optional<AuditCheckpoints.Stored> checkpoint = checkpoints.read(c);
            if (checkpoint.isPresent() && !checkpoint.get().sealed()) {
                long at = checkpoint.get().checkpoint().sequence();
                return Optional.of(new AuditChain.Break(at, AuditChain.Kind.ALTERED,
                        "the retention checkpoint (event #" + at + ") was changed without the master key"));
            }
            AuditCheckpoint start = checkpoint.map(AuditCheckpoints.Stored::checkpoint).orElse(AuditCheckpoint.NONE);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_events ORDER BY seq",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    return AuditChain.verify(new EventRows(rs), start, headSeq, headHash);
                } catch (EventRows.Unreadable e) {
                    return Optional.of(new AuditChain.Break(e.sequence(), AuditChain.Kind.ALTERED,
                            "event #" + e.sequence() + " was altered (a field holds a value the log never writes)"));
                }
            }
        });
    }

    static AuditEvent read(ResultSet rs) throws SQLException {
        return EventRows.read(rs);
    }

    /**
     * Fits a value into its column. Control characters other than line breaks and tabs (which free text
     * may hold, and the CSV export quotes) become U+FFFD: PostgreSQL refuses NUL outright, which would
     * lose the record of, say, a login tried with one.
     * A cut never splits a surrogate pair, so the stored text is the hashed text.
     */
    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        int end = s.length() <= max ? s.length() : Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean layout = c == '\n' || c == '\r' || c == '\t';
            sb.append(Character.isISOControl(c) && !layout ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    /** The end of the chain: the last event's sequence and hash. */
    public record Head(long seq, String hash) {
    }

    /** What to record; the log adds the sequence, the time and the hashes. */
    public record Entry(String actor, String companyId, AuditAction action, String target, AuditOutcome outcome,
            String clientIp, String details) {
    }
}
