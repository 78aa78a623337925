package jp.sitesign.server.certificates;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
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
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.storage.Jdbc;

/** The company certificates in the database (public data: DER and validity in clear). */
public final class CertificateRepository {

    /** Inserts and returns the new row id (the management number is derived from it). */
    public long insert(Connection c, CompanyId company, X509Certificate certificate, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signing_certificates (company_id, sha256,"
                + " serial_hex, not_before, not_after, der, registered_by, registered_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            byte[] der = der(certificate);
            ps.setString(1, company.value());
            ps.setString(2, Digests.sha256Hex(der));
            ps.setString(3, serialHex(certificate));
            Jdbc.setInstant(ps, 4, certificate.getNotBefore().toInstant());
            Jdbc.setInstant(ps, 5, certificate.getNotAfter().toInstant());
            ps.setBytes(6, der);
            ps.setString(7, by);
            Jdbc.setInstant(ps, 8, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public boolean existsWithSha256(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM signing_certificates WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Any company's certificate (operator commands). */
    public Optional<StoredCertificate> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM signing_certificates WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    /** A certificate of one company only: another company's is simply not found. */
    public Optional<StoredCertificate> findInCompany(Connection c, CompanyId company, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM signing_certificates WHERE id = ? AND company_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, company.value());
            return one(ps);
        }
    }

    public List<StoredCertificate> listCompany(Connection c, CompanyId company) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM signing_certificates WHERE company_id = ? ORDER BY id")) {
            ps.setString(1, company.value());
            List<StoredCertificate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    public void markRevoked(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE signing_certificates SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("re-encoding a parsed certificate", e);
        }
    }

    private static Optional<StoredCertificate> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static StoredCertificate read(ResultSet rs) throws SQLException {
        return new StoredCertificate(rs.getLong("id"), new CompanyId(rs.getString("company_id")),
                CertificateFile.read(rs.getBytes("der")), rs.getString("sha256"), rs.getString("serial_hex"),
                Jdbc.getInstant(rs, "not_before"), Jdbc.getInstant(rs, "not_after"), rs.getString("registered_by"),
                Jdbc.getInstant(rs, "registered_at"), Jdbc.getInstant(rs, "revoked_at"));
    }
}
