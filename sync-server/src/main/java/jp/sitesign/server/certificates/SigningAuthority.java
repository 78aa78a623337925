package jp.sitesign.server.certificates;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import javax.security.auth.x500.X500Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * 署名権限, decided in this one place: a user has it now when they are an active user of their company
 * and bound to one of that company's certificates that is within its validity and not revoked. The user
 * views, the contract service's signer checks and the access policy's contract resource all ask here.
 */
public final class SigningAuthority {
    private static final String HOLDERS = "SELECT DISTINCT b.user_id FROM certificate_bindings b"
            + " JOIN signing_certificates s ON s.id = b.certificate_id"
            + " JOIN users u ON u.id = b.user_id AND u.company_id = s.company_id"
            + " WHERE s.company_id = ? AND u.status = ? AND s.revoked_at IS NULL"
            + " AND s.not_before <= ? AND s.not_after > ?";

    private final Database db;
    private final Clock clock;

    public SigningAuthority(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether {@code user} of {@code company} has signing authority at this moment. */
    public boolean holds(CompanyId company, UserId user) {
        return db.read(c -> holds(c, company, user));
    }

    /** The same, inside the caller's transaction. */
    public boolean holds(Connection c, CompanyId company, UserId user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDERS + " AND b.user_id = ?")) {
            bind(ps, company, clock.instant());
            ps.setString(5, user.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Whether the certificate named by {@code issuer} (RFC 2253) and {@code serialHex} is one of the
     * company certificates bound to {@code user} and valid now: a signature is the user's company's only
     * if it was made with such a certificate.
     */
    public boolean isBoundCertificate(Connection c, CompanyId company, UserId user, String issuer, String serialHex)
            throws SQLException {
        if (issuer == null || serialHex == null) {
            return false;
        }
        X500Principal wantedIssuer = new X500Principal(issuer);
        BigInteger wantedSerial = new BigInteger(serialHex, 16);
        try (PreparedStatement ps = c.prepareStatement(HOLDERS.replace("SELECT DISTINCT b.user_id", "SELECT s.der")
                + " AND b.user_id = ?")) {
            bind(ps, company, clock.instant());
            ps.setString(5, user.value());
            try (ResultSet rs = ps.executeQuery()) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                while (rs.next()) {
                    X509Certificate bound = (X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(rs.getBytes(1)));
                    if (bound.getSerialNumber().equals(wantedSerial)
                            && bound.getIssuerX500Principal().equals(wantedIssuer)) {
                        return true;
                    }
                }
            } catch (CertificateException e) {
                throw new IllegalStateException("a stored signing certificate is unreadable", e);
            }
        }
        return false;
    }

    /** Every user of {@code company} with signing authority at this moment (for lists of users). */
    public Set<UserId> holders(CompanyId company) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(HOLDERS)) {
                bind(ps, company, clock.instant());
                Set<UserId> out = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UserId(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement ps, CompanyId company, Instant now) throws SQLException {
        ps.setString(1, company.value());
        ps.setString(2, UserStatus.ACTIVE.name());
        Jdbc.setInstant(ps, 3, now);
        Jdbc.setInstant(ps, 4, now);
    }
}
