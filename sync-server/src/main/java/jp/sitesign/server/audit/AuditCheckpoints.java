package jp.sitesign.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import jp.sitesign.model.audit.AuditCheckpoint;
import jp.sitesign.server.storage.Jdbc;

/** The single checkpoint row a retention cut leaves (the last removed event), sealed like the head. */
final class AuditCheckpoints {
    private static final int ID = 1;

    private final AuditSeal seal;

    AuditCheckpoints(AuditSeal seal) {
        this.seal = seal;
    }

    /** The row as stored, with whether its MAC holds. */
    record Stored(AuditCheckpoint checkpoint, Instant cutAt, boolean sealed) {
    }

    Optional<Stored> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, cut_at, mac FROM audit_checkpoint WHERE id = ?")) {
            ps.setInt(1, ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seq = rs.getLong("seq");
                String hash = rs.getString("hash");
                return Optional.of(new Stored(new AuditCheckpoint(seq, hash), Jdbc.getInstant(rs, "cut_at"),
                        seal.checkpoint(seq, hash).equals(rs.getString("mac"))));
            }
        }
    }

    /** Where the kept chain begins: the checkpoint, or {@link AuditCheckpoint#NONE} before any cut. */
    AuditCheckpoint start(Connection c) throws SQLException {
        return read(c).map(Stored::checkpoint).orElse(AuditCheckpoint.NONE);
    }

    /** Records that every event up to {@code checkpoint} is cut (the caller holds the head's lock). */
    void write(Connection c, AuditCheckpoint checkpoint, Instant cutAt) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_checkpoint SET seq = ?, hash = ?, cut_at = ?, mac = ? WHERE id = ?")) {
            bind(ps, checkpoint, cutAt);
            ps.setInt(5, ID);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_checkpoint (seq, hash, cut_at, mac, id) VALUES (?, ?, ?, ?, ?)")) {
                bind(ps, checkpoint, cutAt);
                ps.setInt(5, ID);
                ps.executeUpdate();
            }
        }
    }

    private void bind(PreparedStatement ps, AuditCheckpoint checkpoint, Instant cutAt) throws SQLException {
        ps.setLong(1, checkpoint.sequence());
        ps.setString(2, checkpoint.hash());
        Jdbc.setInstant(ps, 3, cutAt);
        ps.setString(4, seal.checkpoint(checkpoint.sequence(), checkpoint.hash()));
    }

    /** Seals the row again under this server's master key, as a restore does with the head. */
    void reseal(Connection c) throws SQLException {
        Optional<Stored> stored = read(c);
        if (stored.isPresent()) {
            write(c, stored.get().checkpoint(), stored.get().cutAt());
        }
    }
}
