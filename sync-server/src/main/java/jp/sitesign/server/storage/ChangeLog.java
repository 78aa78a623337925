package jp.sitesign.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.sync.EntityType;

/**
 * Gives every change of a synced entity its sequence number and records it for the audiences that may
 * learn of it: a company id (its users), a user id, or {@link #EVERYONE}. Called by the repositories in
 * the transaction that writes the entity, so no write can forget it.
 *
 * <p>The number comes from one counter row, updated in the writing transaction and so held locked until
 * it commits: sequence numbers become visible in the order they are given, which is what lets a client
 * trust its checkpoint (a plain database sequence can commit 11 before 10, and a client at 11 would never
 * see 10).
 */
public final class ChangeLog {
    public static final String EVERYONE = "*";
    private static final int COUNTER = 1;
    private static final int HORIZON = 2;

    private final Clock clock;

    public ChangeLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * The entity changed; exactly {@code audiences} may learn of it now. An audience that had it before
     * and is not among them gets a tombstone.
     */
    public void changed(Connection c, EntityType type, String id, Collection<String> audiences) throws SQLException {
        long seq = next(c);
        Instant now = clock.instant();
        tombstones(c, type, id, seq, now);
        for (String audience : audiences) {
            upsert(c, type, id, audience, seq, now);
        }
    }

    /** The entity changed for one audience only (a user's read mark on a notice); the others are untouched. */
    public void touched(Connection c, EntityType type, String id, String audience) throws SQLException {
        upsert(c, type, id, audience, next(c), clock.instant());
    }

    /** The entity is gone: every audience that knew it gets a tombstone. */
    public void removed(Connection c, EntityType type, String id) throws SQLException {
        tombstones(c, type, id, next(c), clock.instant());
    }

    /** Every audience's row of the entity becomes a tombstone at {@code seq}. */
    private static void tombstones(Connection c, EntityType type, String id, long seq, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_changes SET seq = ?, removed = TRUE,"
                + " changed_at = ? WHERE entity_type = ? AND entity_id = ?")) {
            ps.setLong(1, seq);
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, type.name());
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /**
     * Gives data written before the change feed existed (a data folder from an earlier version) its
     * changes, once: only while nothing has been numbered yet.
     */
    public void backfill(Database db) {
        db.inTransaction(c -> {
            if (value(c, COUNTER) > 0) {
                return null;
            }
            Map<String, Set<String>> contracts = new LinkedHashMap<>();
            query(c, "SELECT id, sender_company FROM contracts ORDER BY created_at, id",
                    rs -> contracts.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)));
            query(c, "SELECT contract_id, company_id FROM contract_parties WHERE reached",
                    rs -> contracts.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)));
            for (Map.Entry<String, Set<String>> k : contracts.entrySet()) {
                changed(c, EntityType.CONTRACT, k.getKey(), k.getValue());
            }
            List<String[]> rows = new ArrayList<>();
            query(c, "SELECT id, company_id FROM users ORDER BY created_at, id",
                    rs -> rows.add(new String[] {"USER", rs.getString(1), rs.getString(2)}));
            query(c, "SELECT id, company_lo, company_hi FROM partnerships ORDER BY id",
                    rs -> rows.add(new String[] {"PARTNERSHIP", Long.toString(rs.getLong(1)), rs.getString(2),
                            rs.getString(3)}));
            query(c, "SELECT id FROM notices ORDER BY id",
                    rs -> rows.add(new String[] {"NOTICE", Long.toString(rs.getLong(1)), EVERYONE}));
            for (String[] r : rows) {
                changed(c, EntityType.valueOf(r[0]), r[1], Arrays.asList(r).subList(2, r.length));
            }
            return null;
        });
    }

    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowAction action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                action.accept(rs);
            }
        }
    }

    /**
     * Drops tombstones older than {@code before}, raising the feed's horizon to the highest sequence number
     * dropped; returns how many went.
     */
    public int purgeTombstones(Connection c, Instant before) throws SQLException {
        long highest;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(seq) FROM sync_changes WHERE removed AND changed_at < ?")) {
            Jdbc.setInstant(ps, 1, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                highest = rs.getLong(1);
            }
        }
        if (highest == 0) {
            return 0;
        }
        int purged;
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sync_changes WHERE removed AND changed_at < ? AND seq <= ?")) {
            Jdbc.setInstant(ps, 1, before);
            ps.setLong(2, highest);
            purged = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_counter SET counter_value = ? WHERE id = ? AND counter_value < ?")) {
            ps.setLong(1, highest);
            ps.setInt(2, HORIZON);
            ps.setLong(3, highest);
            ps.executeUpdate();
        }
        return purged;
    }

    /**
     * After a restore from a backup: every client's checkpoint may point past what the backup holds, and a
     * new change numbered below it would never reach that client. The counter jumps far ahead and the
     * horizon with it, so every client pulls the feed again from the beginning (with {@code reset}).
     */
    public static void restartAfterRestore(Connection c) throws SQLException {
        long restarted = value(c, COUNTER) + (1L << 40);
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_counter SET counter_value = ? WHERE id IN (?, ?)")) {
            ps.setLong(1, restarted);
            ps.setInt(2, COUNTER);
            ps.setInt(3, HORIZON);
            ps.executeUpdate();
        }
    }

    /** The newest sequence number given (the feed's head). */
    public static long head(Connection c) throws SQLException {
        return value(c, COUNTER);
    }

    /**
     * The oldest sequence number a client may still resume after: below it the feed was cut, and the client
     * must start again from zero.
     */
    public static long horizon(Connection c) throws SQLException {
        return value(c, HORIZON);
    }

    private static long value(Connection c, int row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT counter_value FROM sync_counter WHERE id = ?")) {
            ps.setInt(1, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One row of the feed for an audience. */
    /** @param changedAt when the change was committed, for the feed's lag */
    public record Row(EntityType type, String id, long seq, boolean removed, java.time.Instant changedAt) {
    }

    /** The next rows after {@code since} for any of the audiences, in sequence order. */
    public static List<Row> after(Connection c, Collection<String> audiences, long since, int limit) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(audiences.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_type, entity_id, seq, removed, changed_at FROM sync_changes"
                + " WHERE audience IN (" + marks + ") AND seq > ? ORDER BY seq LIMIT ?")) {
            int i = 1;
            for (String a : audiences) {
                ps.setString(i++, a);
            }
            ps.setLong(i, since);
            ps.setInt(i + 1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(EntityType.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                            rs.getBoolean(4), rs.getObject(5, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return rows;
        }
    }

    private static long next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_counter SET counter_value = counter_value + 1 WHERE id = ?")) {
            ps.setInt(1, COUNTER);
            ps.executeUpdate();
        }
        return value(c, COUNTER);
    }

    private static void upsert(Connection c, EntityType type, String id, String audience, long seq, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_changes SET seq = ?, removed = FALSE,"
                + " changed_at = ? WHERE entity_type = ? AND entity_id = ? AND audience = ?")) {
            ps.setLong(1, seq);
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, type.name());
            ps.setString(4, id);
            ps.setString(5, audience);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_changes (entity_type, entity_id, audience,"
                + " seq, removed, changed_at) VALUES (?, ?, ?, ?, FALSE, ?)")) {
            ps.setString(1, type.name());
            ps.setString(2, id);
            ps.setString(3, audience);
            ps.setLong(4, seq);
            Jdbc.setInstant(ps, 5, now);
            ps.executeUpdate();
        }
    }
}
