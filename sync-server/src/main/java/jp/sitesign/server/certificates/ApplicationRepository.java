package jp.sitesign.server.certificates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/** Certificate applications in the database; what they say is sealed under the applying company's key. */
public final class ApplicationRepository {
    private final ContentCipher cipher;

    public ApplicationRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    long insert(Connection c, CompanyId company, String by, Instant at, CertificateApplication.Content content)
            throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate_applications (company_id, applied_by,"
                + " applied_at, content, status) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, company.value());
            ps.setString(2, by);
            Jdbc.setInstant(ps, 3, at);
            ps.setBytes(4, new byte[0]);
            ps.setString(5, CertificateApplication.Status.PENDING.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE certificate_applications SET content = ? WHERE id = ?")) {
            ps.setBytes(1, cipher.seal(c, company, place(id), content));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }

    /** Marks it fulfilled by a certificate; false when it was no longer pending. */
    boolean fulfil(Connection c, long id, long certificateId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE certificate_applications SET status = ?,"
                + " certificate_id = ?, fulfilled_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, CertificateApplication.Status.FULFILLED.name());
            ps.setLong(2, certificateId);
            Jdbc.setInstant(ps, 3, at);
            ps.setLong(4, id);
            ps.setString(5, CertificateApplication.Status.PENDING.name());
            return ps.executeUpdate() == 1;
        }
    }

    Optional<CertificateApplication> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM certificate_applications WHERE id = ?")) {
            ps.setLong(1, id);
            List<CertificateApplication> found = read(c, ps);
            return found.stream().findFirst();
        }
    }

    /** One company's applications, or every company's when {@code company} is null (the operator). */
    List<CertificateApplication> list(Connection c, CompanyId company) throws SQLException {
        String where = company == null ? "" : " WHERE company_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM certificate_applications" + where
                + " ORDER BY id")) {
            if (company != null) {
                ps.setString(1, company.value());
            }
            return read(c, ps);
        }
    }

    private List<CertificateApplication> read(Connection c, PreparedStatement ps) throws SQLException {
        List<CertificateApplication> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                CompanyId company = new CompanyId(rs.getString("company_id"));
                CertificateApplication.Content content = cipher.open(c, company, place(id), rs.getBytes("content"),
                        CertificateApplication.Content.class);
                long certificateId = rs.getLong("certificate_id");
                out.add(new CertificateApplication(id, company.value(), rs.getString("applied_by"),
                        Jdbc.getInstant(rs, "applied_at"), content.holder(), content.reason(), content.csrPem(),
                        CertificateApplication.Status.valueOf(rs.getString("status")),
                        rs.wasNull() ? null : CertificateNumber.of(certificateId), Jdbc.getInstant(rs, "fulfilled_at")));
            }
        }
        return out;
    }

    private static String place(long id) {
        return "certificate_applications.content|" + id;
    }
}
