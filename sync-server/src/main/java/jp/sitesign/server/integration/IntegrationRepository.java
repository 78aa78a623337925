package jp.sitesign.server.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/** Integration applications in {@code api_applications}; name, purpose and contact sealed under the company key. */
public final class IntegrationRepository {
    private final ContentCipher cipher;

    public IntegrationRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    void insert(Connection c, IntegrationApplication a) throws SQLException {
        CompanyId company = new CompanyId(a.companyId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_applications (id, company_id, applied_by,"
                + " applied_at, content, scopes, allowed_addresses, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.companyId());
            ps.setString(3, a.appliedBy());
            Jdbc.setInstant(ps, 4, a.appliedAt());
            ps.setBytes(5, cipher.seal(c, company, place(a.id()),
                    new IntegrationApplication.Content(a.name(), a.purpose(), a.contact())));
            ps.setString(6, a.scopes().stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(" ")));
            ps.setString(7, String.join(" ", a.allowedAddresses()));
            ps.setString(8, a.status().name());
            ps.executeUpdate();
        }
    }

    boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_applications WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Moves it from {@code from} to {@code to}; false when another review came first. */
    boolean review(Connection c, String id, ApplicationStatus from, ApplicationStatus to, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_applications SET status = ?, status_reason = ?,"
                + " reviewed_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, reason);
            Jdbc.setInstant(ps, 3, at);
            ps.setString(4, id);
            ps.setString(5, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Replaces the key's hash (the old key stops working in the same commit); only while approved. */
    boolean setKey(Connection c, String id, String keyHash, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_applications SET key_hash = ?, key_issued_at = ?"
                + " WHERE id = ? AND status = ?")) {
            ps.setString(1, keyHash);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, id);
            ps.setString(4, ApplicationStatus.APPROVED.name());
            return ps.executeUpdate() == 1;
        }
    }

    Optional<IntegrationApplication> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_applications WHERE id = ?")) {
            ps.setString(1, id);
            return read(c, ps).stream().findFirst();
        }
    }

    Optional<IntegrationApplication> findByKeyHash(Connection c, String keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_applications WHERE key_hash = ?")) {
            ps.setString(1, keyHash);
            return read(c, ps).stream().findFirst();
        }
    }

    /** One company's applications, or every company's when {@code company} is null (the operator). */
    List<IntegrationApplication> list(Connection c, CompanyId company) throws SQLException {
        String where = company == null ? "" : " WHERE company_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_applications" + where
                + " ORDER BY applied_at, id")) {
            if (company != null) {
                ps.setString(1, company.value());
            }
            return read(c, ps);
        }
    }

    private List<IntegrationApplication> read(Connection c, PreparedStatement ps) throws SQLException {
        List<IntegrationApplication> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString("id");
                CompanyId company = new CompanyId(rs.getString("company_id"));
                IntegrationApplication.Content content = cipher.open(c, company, place(id), rs.getBytes("content"),
                        IntegrationApplication.Content.class);
                out.add(new IntegrationApplication(id, company.value(), rs.getString("applied_by"),
                        Jdbc.getInstant(rs, "applied_at"), content.name(), content.purpose(), content.contact(),
                        scopes(rs.getString("scopes")), words(rs.getString("allowed_addresses")),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                        Jdbc.getInstant(rs, "reviewed_at"), Jdbc.getInstant(rs, "key_issued_at")));
            }
        }
        return out;
    }

    private static Set<ApiScope> scopes(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String w : words(stored)) {
            scopes.add(ApiScope.parse(w));
        }
        return scopes;
    }

    private static List<String> words(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.strip().split(" "));
    }

    private static String place(String id) {
        return "api_applications.content|" + id;
    }
}
