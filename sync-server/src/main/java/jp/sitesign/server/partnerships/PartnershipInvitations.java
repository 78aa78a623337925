package jp.sitesign.server.partnerships;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * Invitation codes for partnerships (ADR 22): a company's admin issues a code and hands
 * it to the company that is to propose, together with the 法人番号. A proposal names both; what it learns when
 * they do not match is the same whether the company exists or not. Codes are twelve characters of Crockford
 * base32 (60 bits), kept only as their SHA-256, used once, and expire; each company's proposals are limited
 * per day, so codes cannot be guessed and companies cannot be flooded.
 */
public final class PartnershipInvitations {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 12;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Duration validity;
    private final int proposalsPerDay;

    public PartnershipInvitations(Database db, Clock clock, ServerConfig config) {
        this.db = db;
        this.clock = clock;
        this.validity = Duration.ofDays(config.getPositiveInt("partnerships.invitation-days"));
        this.proposalsPerDay = config.getPositiveInt("partnerships.max-proposals-per-day");
    }

    /** An invitation as its issuer sees it once: the code (never stored) and until when it may be used. */
    public record Invitation(String code, Instant expiresAt) {
    }

    /** A new code for {@code company}; the caller has been allowed to manage its partnerships. */
    Invitation issue(Connection c, CompanyId company, String user) throws SQLException {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partnership_invitations (code_sha256, company_id,"
                + " created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(code.toString()));
            ps.setString(2, company.value());
            ps.setString(3, user);
            Jdbc.setInstant(ps, 4, now);
            Jdbc.setInstant(ps, 5, expires);
            ps.executeUpdate();
        }
        return new Invitation(code.toString(), expires);
    }

    /**
     * Counts a proposal of {@code company} against its daily limit, in a transaction of its own so that a
     * refused proposal counts too; refuses beyond the limit.
     */
    void countProposal(CompanyId company) {
        Instant now = clock.instant();
        long today = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM partnership_attempts WHERE attempted_at < ?")) {
                Jdbc.setInstant(ps, 1, now.minus(Duration.ofDays(1)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO partnership_attempts (company_id, attempted_at) VALUES (?, ?)")) {
                ps.setString(1, company.value());
                Jdbc.setInstant(ps, 2, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM partnership_attempts WHERE company_id = ?")) {
                ps.setString(1, company.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (today > proposalsPerDay) {
            throw PartnershipMessage.TOO_MANY_PROPOSALS.exception(proposalsPerDay);
        }
    }

    /**
     * The company that issued {@code code}, if the code is open (unused, unexpired); marks it used by
     * {@code proposer}. Empty for a code nobody issued, used or expired: the caller answers all of them alike.
     */
    Optional<CompanyId> redeem(Connection c, String code, CompanyId proposer) throws SQLException {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String sha = hash(code);
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE partnership_invitations SET used_by = ?, used_at = ?"
                + " WHERE code_sha256 = ? AND used_at IS NULL AND expires_at > ?")) {
            ps.setString(1, proposer.value());
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, sha);
            Jdbc.setInstant(ps, 4, now);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT company_id FROM partnership_invitations WHERE code_sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(new CompanyId(rs.getString(1)));
            }
        }
    }

    /** Upper case, without the hyphens and spaces people type or copy with it. */
    private static String hash(String code) {
        String normal = code.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        return Digests.sha256Hex(normal.getBytes(StandardCharsets.US_ASCII));
    }
}
