package jp.sitesign.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.sitesign.model.audit.AuditChain;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.server.storage.Jdbc;

/**
 * The audit tables edited as someone with write access to the database would, behind the server's back: the
 * tamper tests' hands.
 */
public final class AuditRows {
    private AuditRows() {
    }

    /** The head row as stored. */
    record HeadRow(long seq, String hash, String mac) {
    }

    static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    public static List<AuditEvent> events(DataSource db) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM audit_events ORDER BY seq")) {
            while (rs.next()) {
                out.add(AuditLog.read(rs));
            }
        }
        return out;
    }

    /** The events as a forger with database access would write them: renumbered 1.. and every hash recomputed. */
    static List<AuditEvent> relink(List<AuditEvent> events) {
        List<AuditEvent> out = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (AuditEvent e : events) {
            AuditEvent linked = AuditChain.link(previous, out.size() + 1, e.time(), e.actor(), e.companyId(),
                    e.action(), e.target(), e.outcome(), e.clientIp(), e.details());
            out.add(linked);
            previous = linked.hash();
        }
        return out;
    }

    static void replaceAllEvents(DataSource db, List<AuditEvent> events) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_events");
            for (AuditEvent e : events) {
                insert(c, e);
            }
        }
    }

    static void insert(Connection c, AuditEvent e) throws SQLException {
        EventRows.insert(c, e);
    }

    static HeadRow head(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_seq, last_hash, mac FROM audit_head")) {
            assertThat(rs.next()).isTrue();
            return new HeadRow(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    static void writeHead(DataSource db, HeadRow h) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ?, mac = ?")) {
            ps.setLong(1, h.seq());
            ps.setString(2, h.hash());
            ps.setString(3, h.mac());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** An anchor row as stored. */
    record AnchorRow(long id, long seq, String headHash, String reason, String tsaUrl, Instant at, byte[] token) {
    }

    static List<AnchorRow> anchors(DataSource db) throws SQLException {
        List<AnchorRow> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM audit_anchors ORDER BY id")) {
            while (rs.next()) {
                out.add(new AnchorRow(rs.getLong("id"), rs.getLong("seq"), rs.getString("head_hash"),
                        rs.getString("reason"), rs.getString("tsa_url"), Jdbc.getInstant(rs, "anchored_at"),
                        rs.getBytes("token")));
            }
        }
        return out;
    }

    static void replaceAllAnchors(DataSource db, List<AnchorRow> anchors) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_anchors");
            for (AnchorRow a : anchors) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_anchors (id, seq, head_hash, reason,"
                        + " tsa_url, anchored_at, token) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setLong(1, a.id());
                    ps.setLong(2, a.seq());
                    ps.setString(3, a.headHash());
                    ps.setString(4, a.reason());
                    ps.setString(5, a.tsaUrl());
                    Jdbc.setInstant(ps, 6, a.at());
                    ps.setBytes(7, a.token());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The events, the head and the anchors as they are, to put back after a case tampered with them. */
    record Saved(List<AuditEvent> events, HeadRow head, List<AnchorRow> anchors) {
        static Saved of(DataSource db) throws SQLException {
            return new Saved(AuditRows.events(db), AuditRows.head(db), AuditRows.anchors(db));
        }

        void putBack(DataSource db) throws SQLException {
            AuditRows.replaceAllEvents(db, events);
            AuditRows.writeHead(db, head);
            AuditRows.replaceAllAnchors(db, anchors);
        }
    }
}
