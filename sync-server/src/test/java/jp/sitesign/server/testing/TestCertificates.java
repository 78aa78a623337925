package jp.sitesign.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.sitesign.model.user.UserId;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Company certificates for tests, as a real CA would issue them (a throwaway "test CA" in memory), and the
 * admin's steps that register one and bind a user to it.
 */
public final class TestCertificates {
    private static final KeyPair CA = ecKeyPair();
    private static final X500Name CA_NAME = new X500Name("CN=SiteSign Test Company CA,O=SiteSign Test,C=JP");
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);

    private TestCertificates() {
    }

    /** A signing certificate whose subject is {@code O=company, OU=工事部, T=部長}, valid in [from, until). */
    public static X509Certificate company(String company, Instant from, Instant until) {
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.O, company).addRDN(BCStyle.OU, "工事部").addRDN(BCStyle.T, "部長")
                    .addRDN(BCStyle.CN, company).build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(CA_NAME,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(until), subject,
                    ecKeyPair().getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid from an hour before the server's clock for a year. */
    public static X509Certificate company(TestServer server, String company) {
        Instant now = server.clock().instant();
        return company(company, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs the certificate as PEM; returns the answer. */
    public static ApiClient.Response upload(ApiClient api, String token, X509Certificate certificate) {
        return api.raw("POST", "/api/v1/certificates", token, pem(certificate).getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "application/x-pem-file"));
    }

    /** Registers the certificate as the admin and returns its management number. */
    public static String register(ApiClient api, String adminToken, X509Certificate certificate) {
        ApiClient.Response r = upload(api, adminToken, certificate);
        assertThat(r.status()).as("register certificate: %s", r).isEqualTo(201);
        return r.json().get("number").asText();
    }

    /** Gives {@code user} signing authority: a fresh certificate of {@code company}, registered and bound. */
    public static String grant(TestServer server, String adminToken, String company, UserId user) {
        String number = register(server.api(), adminToken, company(server, company));
        bind(server.api(), adminToken, number, user);
        return number;
    }

    public static void bind(ApiClient api, String adminToken, String number, UserId user) {
        ApiClient.Response r = api.post("/api/v1/certificates/" + number + "/bindings", adminToken,
                Map.of("userId", user.value()));
        assertThat(r.status()).as("bind %s to %s: %s", user, number, r).isEqualTo(200);
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
