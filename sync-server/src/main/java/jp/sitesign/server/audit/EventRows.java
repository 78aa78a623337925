package jp.sitesign.server.audit;

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
