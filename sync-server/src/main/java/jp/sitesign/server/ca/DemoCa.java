package jp.sitesign.server.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's DEMO certification authority: it issues the demo companies' signing
 * certificates and the demo TSA's certificate, each pointing (AIA, CRL distribution point) at this
 * server's {@code /demo-ca} endpoints. Its key lives in the data folder (0600) and is made on first use;
 * what it issued and revoked is kept in the database, so any server process on it answers the same.
 * Everything it makes says DEMO in its subject: it is for trying SiteSign, never for real contracts.
 */
public final class DemoCa implements CertificateIssuer {
    public static final String CA_FILE = "demo-ca.p12";
    public static final String TSA_FILE = "demo-tsa.p12";
    static final X500Name CA_NAME = new X500Name("CN=SiteSign DEMO CA (not for real contracts),O=SiteSign DEMO,C=JP");
    static final X500Name TSA_NAME = new X500Name("CN=SiteSign DEMO TSA (not for real contracts),O=SiteSign DEMO,C=JP");
    /** Issued certificates start an hour early, so a host whose clock lags a little accepts them at once. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final Path dataDir;
    private final char[] password;
    private final String publicUrl;
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private DemoCaKeys ca;
    private DemoCaKeys tsa;

    public DemoCa(Path dataDir, String password, String publicUrl, Database db, Clock clock) {
        this.dataDir = dataDir;
        this.password = password.toCharArray();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.db = db;
        this.clock = clock;
    }

    /** A new key of the kind this CA makes for itself and its TSA (EC P-256), e.g. for a demo signer. */
    public static KeyPair newKeyPair() {
        return DemoCaKeys.newKeyPair();
    }

    /** The CA certificate (the trust anchor for demo signatures). */
    @Override
    public synchronized X509Certificate certificate() {
        return caKeys().certificate();
    }

    synchronized DemoCaKeys caKeys() {
        if (ca == null) {
            ca = DemoCaKeys.load(dataDir.resolve(CA_FILE), password);
        }
        if (ca == null) {
            KeyPair pair = DemoCaKeys.newKeyPair();
            X509Certificate root = build(CA_NAME, pair.getPublic(), Duration.ofDays(3650), new DemoCaKeys(pair.getPrivate(),
                    null), CA_NAME, b -> {
                        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    });
            ca = new DemoCaKeys(pair.getPrivate(), root);
            ca.save(dataDir.resolve(CA_FILE), password);
        }
        return ca;
    }

    /** The demo TSA's key and certificate (timeStamping only), made by this CA on first use. */
    /** The DEMO TSA's certificate, which this CA issued. */
    public X509Certificate tsaCertificate() {
        return tsaKeys().certificate();
    }

    synchronized DemoCaKeys tsaKeys() {
        if (tsa == null) {
            tsa = DemoCaKeys.load(dataDir.resolve(TSA_FILE), password);
        }
        if (tsa == null) {
            KeyPair pair = DemoCaKeys.newKeyPair();
            X509Certificate certificate = issue(pair.getPublic(), TSA_NAME, Duration.ofDays(3650), b -> {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            });
            tsa = new DemoCaKeys(pair.getPrivate(), certificate);
            tsa.save(dataDir.resolve(TSA_FILE), password, caKeys().certificate());
        }
        return tsa;
    }

    /** A signing certificate (digitalSignature, nonRepudiation) for {@code subject}, recorded as issued. */
    @Override
    public synchronized X509Certificate issueSigner(PublicKey key, X500Name subject, Duration validity) {
        return issue(key, subject, validity, b -> b.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /** From now on OCSP and the CRL report this certificate revoked; false when the demo CA did not issue it. */
    @Override
    public boolean revoke(Connection c, BigInteger serial, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE demo_ca_issued SET revoked_at = ? WHERE serial_hex = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, hex(serial));
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether this CA issued {@code certificate} (its issuer name is ours). */
    @Override
    public boolean issued(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).equals(CA_NAME);
    }

    /** Empty when the serial is not one of ours; else the revocation time, or null while good. */
    Optional<Optional<Instant>> status(BigInteger serial) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT revoked_at FROM demo_ca_issued WHERE serial_hex = ?")) {
                ps.setString(1, hex(serial));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Optional.ofNullable(Jdbc.getInstant(rs, "revoked_at")))
                            : Optional.empty();
                }
            }
        });
    }

    /** Every revoked serial with its revocation time, for the CRL. */
    Map<BigInteger, Instant> revoked() {
        return db.read(c -> {
            Map<BigInteger, Instant> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT serial_hex, revoked_at FROM demo_ca_issued"
                    + " WHERE revoked_at IS NOT NULL ORDER BY serial_hex");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new BigInteger(rs.getString(1), 16), Jdbc.getInstant(rs, "revoked_at"));
                }
            }
            return out;
        });
    }

    ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys().key());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    Clock clock() {
        return clock;
    }

    private X509Certificate issue(PublicKey key, X500Name subject, Duration validity, Extensions extensions) {
        DemoCaKeys issuer = caKeys();
        X509Certificate certificate = build(subject, key, validity, issuer,
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
                    b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription[] {
                                new AccessDescription(AccessDescription.id_ad_ocsp, uri("/demo-ca/ocsp")),
                                new AccessDescription(AccessDescription.id_ad_caIssuers, uri("/demo-ca/ca.crt"))}));
                    b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(uri("/demo-ca/crl"))),
                                null, null)}));
                    extensions.add(b);
                });
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO demo_ca_issued (serial_hex, issued_at) VALUES (?, ?)")) {
                ps.setString(1, hex(certificate.getSerialNumber()));
                Jdbc.setInstant(ps, 2, clock.instant());
                ps.executeUpdate();
            }
            return null;
        });
        return certificate;
    }

    private X509Certificate build(X500Name subject, PublicKey key, Duration validity, DemoCaKeys issuer,
            X500Name issuerName, Extensions extensions) {
        try {
            Instant now = clock.instant();
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(1, serial),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, key);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the demo CA could not build a certificate for " + subject, e);
        }
    }

    private GeneralName uri(String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + path);
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }
}
