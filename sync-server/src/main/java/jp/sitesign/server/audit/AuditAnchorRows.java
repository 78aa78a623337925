package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAnchor;
import jp.sitesign.server.storage.Jdbc;

/** The {@code audit_anchors} table. */
final class AuditAnchorRows {
    private AuditAnchorRows() {
    }

    /** Stores an anchor as number max + 1; the caller holds the audit head's lock, so numbers do not collide. */
    static long insert(Connection c, long seq, String hash, AuditAnchoring.Reason reason, String tsaUrl,
            Instant at, byte[] token) throws SQLException {
        long id;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM audit_anchors")) {
            rs.next();
            id = rs.getLong(1) + 1;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_anchors (id, seq, head_hash, reason, tsa_url,"
                + " anchored_at, token) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setLong(2, seq);
            ps.setString(3, hash);
            ps.setString(4, reason.name());
            ps.setString(5, tsaUrl.length() <= 500 ? tsaUrl : tsaUrl.substring(0, 500));
            Jdbc.setInstant(ps, 6, at);
            ps.setBytes(7, token);
            ps.executeUpdate();
        }
        return id;
    }

    /** Every anchor, oldest first. */
    static List<AuditAnchor> all(Connection c) throws SQLException {
        List<AuditAnchor> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, seq, head_hash, token FROM audit_anchors ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditAnchor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)));
            }
        }
        return out;
    }

    /** When the newest anchor was taken (by the server's clock), if any. */
    static Optional<Instant> newest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT anchored_at FROM audit_anchors ORDER BY anchored_at DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Jdbc.getInstant(rs, "anchored_at")) : Optional.empty();
        }
    }

    /** Drops the anchors of events a retention cut removes (those before its checkpoint). */
    static int deleteBefore(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_anchors WHERE seq < ?")) {
            ps.setLong(1, seq);
            return ps.executeUpdate();
        }
    }
}
