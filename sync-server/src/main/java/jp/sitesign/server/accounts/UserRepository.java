package jp.sitesign.server.accounts;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/**
 * Users in the database. The profile (name, kana, email, department, title) is one AES-GCM blob under
 * the company key, bound to the user's row; everything else stays in clear for indexing and checks.
 */
public final class UserRepository {
    private final ContentCipher cipher;
    private final ChangeLog changes;
    private final SecureRandom random = new SecureRandom();

    public UserRepository(ContentCipher cipher, ChangeLog changes) {
        this.cipher = cipher;
        this.changes = changes;
    }

    public void insert(Connection c, User u, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, company_id, role, status, content,"
                + " password_hash, must_change_password, failed_logins, locked_until,"
                + " signing_authority_set_by, signing_authority_set_at, revision, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?)")) {
            ps.setString(1, u.id().value());
            ps.setString(2, u.companyId().value());
            ps.setString(3, u.role().name());
            ps.setString(4, u.status().name());
            ps.setBytes(5, seal(c, u.companyId(), u.id(), u.profile()));
            ps.setString(6, passwordHash);
            ps.setBoolean(7, u.mustChangePassword());
            ps.setString(8, u.signingAuthoritySetBy());
            Jdbc.setInstant(ps, 9, u.signingAuthoritySetAt());
            ps.setLong(10, u.revision());
            Jdbc.setInstant(ps, 11, u.createdAt());
            ps.executeUpdate();
        }
        changed(c, u.companyId(), u.id());
    }

    /** Tells the change feed the user's view changed (their company's users may see it). */
    public void changed(Connection c, CompanyId company, UserId id) throws SQLException {
        changes.changed(c, EntityType.USER, id.value(), List.of(company.value()));
    }

    /** An unused random id (ids are random so they cannot be enumerated). */
    public UserId freshId(Connection c) throws SQLException {
        return Jdbc.freshId(() -> UserId.random(random), id -> exists(c, id));
    }

    public boolean exists(Connection c, UserId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Any user by id, whatever the company (login, operator commands). */
    public Optional<User> find(Connection c, UserId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE id = ?")) {
            ps.setString(1, id.value());
            return one(c, ps);
        }
    }

    /** A user of one company only: another company's user is simply not found. */
    public Optional<User> findInCompany(Connection c, CompanyId company, UserId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE id = ? AND company_id = ?")) {
            ps.setString(1, id.value());
            ps.setString(2, company.value());
            return one(c, ps);
        }
    }

    public List<User> listCompany(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE company_id = ? ORDER BY id")) {
            ps.setString(1, company.value());
            List<User> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(c, rs));
                }
            }
            return out;
        }
    }

    public Optional<String> passwordHash(Connection c, UserId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Writes the user's mutable fields if the stored revision is still {@code u.revision() - 1}.
     *
     * @return false when someone else changed the user in between
     */
    public boolean update(Connection c, User u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET role = ?, status = ?, content = ?,"
                + " must_change_password = ?, signing_authority_set_by = ?,"
                + " signing_authority_set_at = ?, revision = ? WHERE id = ? AND revision = ?")) {
            ps.setString(1, u.role().name());
            ps.setString(2, u.status().name());
            ps.setBytes(3, seal(c, u.companyId(), u.id(), u.profile()));
            ps.setBoolean(4, u.mustChangePassword());
            ps.setString(5, u.signingAuthoritySetBy());
            Jdbc.setInstant(ps, 6, u.signingAuthoritySetAt());
            ps.setLong(7, u.revision());
            ps.setString(8, u.id().value());
            ps.setLong(9, u.revision() - 1);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        changed(c, u.companyId(), u.id());
        return true;
    }

    public void setPassword(Connection c, UserId id, String hash, boolean mustChange) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ?, must_change_password = ?,"
                + " failed_logins = 0, locked_until = NULL, revision = revision + 1 WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setBoolean(2, mustChange);
            ps.setString(3, id.value());
            ps.executeUpdate();
        }
        Optional<User> u = find(c, id);
        if (u.isPresent()) {
            changed(c, u.get().companyId(), id);
        }
    }

    public void recordLoginState(Connection c, UserId id, int failedLogins, Instant lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?")) {
            ps.setInt(1, failedLogins);
            Jdbc.setInstant(ps, 2, lockedUntil);
            ps.setString(3, id.value());
            ps.executeUpdate();
        }
    }

    private Optional<User> one(Connection c, PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
        }
    }

    /** Reads the user columns of the current row (also used by the session lookup join). */
    public User read(Connection c, ResultSet rs) throws SQLException {
        UserId id = new UserId(rs.getString("id"));
        CompanyId company = new CompanyId(rs.getString("company_id"));
        UserProfile profile = cipher.open(c, company, place(id), rs.getBytes("content"), UserProfile.class);
        return new User(id, company, Role.valueOf(rs.getString("role")), UserStatus.valueOf(rs.getString("status")),
                profile, rs.getBoolean("must_change_password"),
                rs.getString("signing_authority_set_by"), Jdbc.getInstant(rs, "signing_authority_set_at"),
                rs.getInt("failed_logins"), Jdbc.getInstant(rs, "locked_until"), rs.getLong("revision"),
                Jdbc.getInstant(rs, "created_at"));
    }

    private byte[] seal(Connection c, CompanyId company, UserId id, UserProfile profile) {
        return cipher.seal(c, company, place(id), profile);
    }

    private static String place(UserId id) {
        return "users.content|" + id.value();
    }
}
