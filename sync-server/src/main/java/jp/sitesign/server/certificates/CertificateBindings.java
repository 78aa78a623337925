package jp.sitesign.server.certificates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.storage.Jdbc;

/** Which users each certificate is bound to (the rows only; {@link SigningAuthority} says what they mean). */
public final class CertificateBindings {

    /** @return false when the user was already bound to it */
    public boolean bind(Connection c, long certificateId, UserId user, String by, Instant at) throws SQLException {
        if (isBound(c, certificateId, user)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate_bindings (certificate_id, user_id,"
                + " bound_by, bound_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, certificateId);
            ps.setString(2, user.value());
            ps.setString(3, by);
            Jdbc.setInstant(ps, 4, at);
            ps.executeUpdate();
            return true;
        }
    }

    /** @return false when the user was not bound to it */
    public boolean unbind(Connection c, long certificateId, UserId user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM certificate_bindings WHERE certificate_id = ? AND user_id = ?")) {
            ps.setLong(1, certificateId);
            ps.setString(2, user.value());
            return ps.executeUpdate() > 0;
        }
    }

    /** Removes every binding of a user (the user is being deleted). */
    public int unbindAll(Connection c, UserId user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM certificate_bindings WHERE user_id = ?")) {
            ps.setString(1, user.value());
            return ps.executeUpdate();
        }
    }

    public List<SigningCertificate.Binding> of(Connection c, long certificateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, bound_by, bound_at FROM certificate_bindings"
                + " WHERE certificate_id = ? ORDER BY bound_at, user_id")) {
            ps.setLong(1, certificateId);
            List<SigningCertificate.Binding> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SigningCertificate.Binding(rs.getString(1), rs.getString(2),
                            Jdbc.getInstant(rs, "bound_at")));
                }
            }
            return out;
        }
    }

    private static boolean isBound(Connection c, long certificateId, UserId user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM certificate_bindings WHERE certificate_id = ? AND user_id = ?")) {
            ps.setLong(1, certificateId);
            ps.setString(2, user.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
