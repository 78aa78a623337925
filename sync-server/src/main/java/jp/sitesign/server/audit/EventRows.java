package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.server.storage.Jdbc;
import jp.sitesign.server.storage.StorageException;

/** Audit event rows as events: one row, or a result set streamed into the chain check without loading it all. */
final class EventRows implements Iterator<AuditEvent> {
    private final ResultSet rs;
    private Boolean hasNext;

    EventRows(ResultSet rs) {
        this.rs = rs;
    }

    static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), Jdbc.getInstant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("company_id"), AuditAction.valueOf(rs.getString("action")), rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_ip"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** Writes one event as its row. */
    static void insert(Connection c, AuditEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (seq, occurred_at, actor, company_id,"
                + " action, target, outcome, client_ip, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, e.sequence());
            Jdbc.setInstant(ps, 2, e.time());
            ps.setString(3, e.actor());
            ps.setString(4, e.companyId());
            ps.setString(5, e.action().name());
            ps.setString(6, e.target());
            ps.setString(7, e.outcome().name());
            ps.setString(8, e.clientIp());
            ps.setString(9, e.details());
            ps.setString(10, e.previousHash());
            ps.setString(11, e.hash());
            ps.executeUpdate();
        }
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = rs.next();
            } catch (SQLException e) {
                throw new StorageException(e);
            }
        }
        return hasNext;
    }

    @Override
    public AuditEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            return read(rs);
        } catch (SQLException e) {
            throw new StorageException(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unreadable(rowSequence());
        }
    }

    private long rowSequence() {
        try {
            return rs.getLong("seq");
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** A row whose action or outcome is not one the log writes: it was changed in the database. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long sequence;

        Unreadable(long sequence) {
            super("unreadable audit event #" + sequence, null, false, false);
            this.sequence = sequence;
        }

        long sequence() {
            return sequence;
        }
    }
}
