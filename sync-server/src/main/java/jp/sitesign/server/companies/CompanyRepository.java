package jp.sitesign.server.companies;

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

    public boolean terminate(Connection c, CompanyId id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE companies SET status = ?, terminated_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, CompanyStatus.TERMINATED.name());
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, id.value());
            ps.setString(4, CompanyStatus.ACTIVE.name());
            return ps.executeUpdate() == 1;
        }
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
