package jp.sitesign.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.storage.Jdbc;

/** Login sessions. Only the SHA-256 of a token is stored, so a database copy holds no usable token. */
public final class SessionRepository {
    private final UserRepository users;

    public SessionRepository(UserRepository users) {
        this.users = users;
    }

    public void insert(Connection c, String tokenHash, UserId user, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, user.value());
            Jdbc.setInstant(ps, 3, now);
            Jdbc.setInstant(ps, 4, now);
            ps.executeUpdate();
        }
    }

    /** The session with its user and the user's company status, in one query (the hot path of every request). */
    public Optional<Found> find(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT u.*, s.created_at AS s_created,"
                + " s.last_seen_at AS s_seen, co.status AS co_status FROM sessions s"
                + " JOIN users u ON u.id = s.user_id JOIN companies co ON co.id = u.company_id"
                + " WHERE s.token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(users.read(c, rs), CompanyStatus.valueOf(rs.getString("co_status")),
                        Jdbc.getInstant(rs, "s_created"), Jdbc.getInstant(rs, "s_seen")));
            }
        }
    }

    public void touch(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, tokenHash);
            ps.executeUpdate();
        }
    }

    /** Deletes the sessions last used before {@code idleCutoff} or created before {@code absoluteCutoff}. */
    public int deleteExpired(Connection c, Instant idleCutoff, Instant absoluteCutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?")) {
            Jdbc.setInstant(ps, 1, idleCutoff);
            Jdbc.setInstant(ps, 2, absoluteCutoff);
            return ps.executeUpdate();
        }
    }

    public void delete(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            ps.executeUpdate();
        }
    }

    /** Ends every session of a user, except optionally the one they are using. */
    public void deleteForUser(Connection c, UserId user, String keepTokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?")) {
            ps.setString(1, user.value());
            ps.setString(2, keepTokenHash == null ? "" : keepTokenHash);
            ps.executeUpdate();
        }
    }

    /** Ends every session of a company's users at once (termination). */
    public int deleteForCompany(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE company_id = ?)")) {
            ps.setString(1, company.value());
            return ps.executeUpdate();
        }
    }

    /** A stored session and who it belongs to. */
    public record Found(User user, CompanyStatus companyStatus, Instant createdAt, Instant lastSeenAt) {
    }
}
