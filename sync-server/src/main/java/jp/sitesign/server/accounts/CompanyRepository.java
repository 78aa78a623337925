package jp.sitesign.server.accounts;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.company.CorporateNumber;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/** Companies in the database; names and numbers are stored encrypted under the company's own key. */
public final class CompanyRepository {
    private static final String PLACE = "companies.content";

    private final ContentCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public CompanyRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    public void insert(Connection c, Company company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO companies (id, status, wrapped_key, content,"
                + " retention_years, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, company.id().value());
            ps.setString(2, company.status().name());
            ps.setBytes(3, cipher.newWrappedCompanyKey(company.id()));
            ps.setBytes(4, new byte[0]);
            ps.setInt(5, company.retentionYears());
            Jdbc.setInstant(ps, 6, company.createdAt());
            ps.executeUpdate();
        }
        // The content is sealed after the row exists, since sealing looks the company key up by id.
        try (PreparedStatement ps = c.prepareStatement("UPDATE companies SET content = ? WHERE id = ?")) {
            ps.setBytes(1, cipher.seal(c, company.id(), PLACE, Content.of(company)));
            ps.setString(2, company.id().value());
            ps.executeUpdate();
        }
    }

    /** An unused random id. */
    public CompanyId freshId(Connection c) throws SQLException {
        return Jdbc.freshId(() -> CompanyId.random(random), id -> exists(c, id));
    }

    public boolean exists(Connection c, CompanyId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM companies WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Company> find(Connection c, CompanyId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM companies WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Content content = cipher.open(c, id, PLACE, rs.getBytes("content"), Content.class);
                return Optional.of(new Company(id, content.name(), content.nameKana(),
                        content.corporateNumber() == null ? null : new CorporateNumber(content.corporateNumber()),
                        content.address(), content.representative(), CompanyStatus.valueOf(rs.getString("status")),
                        rs.getInt("retention_years"), Jdbc.getInstant(rs, "created_at")));
            }
        }
    }

    /** Terminates an active company; its data is purged after {@code purgeAfter}. */
    public boolean terminate(Connection c, CompanyId id, Instant at, Instant purgeAfter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET status = ?, terminated_at = ?, purge_after = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, CompanyStatus.TERMINATED.name());
            Jdbc.setInstant(ps, 2, at);
            Jdbc.setInstant(ps, 3, purgeAfter);
            ps.setString(4, id.value());
            ps.setString(5, CompanyStatus.ACTIVE.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Brings a terminated company's purge forward (the customer asked for it); false if it is not terminated. */
    public boolean purgeFrom(Connection c, CompanyId id, Instant purgeAfter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET purge_after = ? WHERE id = ? AND status = ?")) {
            Jdbc.setInstant(ps, 1, purgeAfter);
            ps.setString(2, id.value());
            ps.setString(3, CompanyStatus.TERMINATED.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Sets how long the company's completed and unfinished contracts are kept. */
    public boolean setRetention(Connection c, CompanyId id, int completedYears, int unfinishedDays) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET retention_years = ?, unfinished_days = ? WHERE id = ?")) {
            ps.setInt(1, completedYears);
            ps.setInt(2, unfinishedDays);
            ps.setString(3, id.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** Terminated companies whose grace period ended before {@code now}. */
    public java.util.List<CompanyId> dueForPurge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM companies WHERE status = ? AND purge_after <= ? ORDER BY purge_after")) {
            ps.setString(1, CompanyStatus.TERMINATED.name());
            Jdbc.setInstant(ps, 2, now);
            java.util.List<CompanyId> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CompanyId(rs.getString(1)));
                }
            }
            return out;
        }
    }

    /**
     * Crypto-erasure of a purged company (ADR 13): its data key is replaced by a new one nobody had, so what
     * is left sealed under the old one — in this database or in any backup — cannot be opened; the row keeps
     * only the company's name (its partners' contracts name it), sealed under the new key.
     */
    public void erase(Connection c, CompanyId id, String name) throws SQLException {
        cipher.forget(id);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET status = ?, wrapped_key = ?, previous_wrapped_key = NULL, content = ? WHERE id = ?")) {
            ps.setString(1, CompanyStatus.PURGED.name());
            ps.setBytes(2, cipher.newWrappedCompanyKey(id));
            ps.setBytes(3, new byte[0]);
            ps.setString(4, id.value());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE companies SET content = ? WHERE id = ?")) {
            ps.setBytes(1, cipher.seal(c, id, PLACE, new Content(name, null, null, null, null)));
            ps.setString(2, id.value());
            ps.executeUpdate();
        }
    }

    /** How long each of the companies keeps contracts: completed years and unfinished days. */
    public java.util.Map<String, int[]> retention(Connection c) throws SQLException {
        java.util.Map<String, int[]> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, retention_years, unfinished_days FROM companies WHERE status <> ?")) {
            ps.setString(1, CompanyStatus.PURGED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        return out;
    }

    /** The encrypted part of a company row. */
    record Content(String name, String nameKana, String corporateNumber, String address, String representative) {
        static Content of(Company company) {
            return new Content(company.name(), company.nameKana(),
                    company.corporateNumber() == null ? null : company.corporateNumber().value(),
                    company.address(), company.representative());
        }
    }
}
