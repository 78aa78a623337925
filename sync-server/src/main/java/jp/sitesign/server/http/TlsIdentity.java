package jp.sitesign.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.MasterKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS key and certificate: a configured PKCS#12 ({@code tls.keystore}), or on the embedded
 * default a self-signed ECDSA P-256 certificate generated on first start in the data folder, which
 * clients pin by its SHA-256 fingerprint.
 */
public final class TlsIdentity {
    public static final String GENERATED_FILE = "server-tls.p12";
    private static final String ALIAS = "sitesign";

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;
    private final boolean generated;

    private TlsIdentity(KeyStore keyStore, char[] password, X509Certificate certificate, boolean generated) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
        this.generated = generated;
    }

    public static TlsIdentity load(ServerConfig config, MasterKey masterKey) {
        String configured = config.get("tls.keystore");
        try {
            if (!configured.isBlank()) {
                char[] pw = config.get("tls.keystore-password").toCharArray();
                return fromFile(Path.of(configured), pw, false);
            }
            char[] pw = masterKey.derivePassword("tls-keystore").toCharArray();
            Path file = config.dataDir().resolve(GENERATED_FILE);
            if (!Files.exists(file)) {
                generate(file, pw, config.host());
            }
            return fromFile(file, pw, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS keystore: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TLS keystore is not usable: " + e.getMessage(), e);
        }
    }

    private static TlsIdentity fromFile(Path file, char[] pw, boolean generated)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pw);
        }
        String alias = ks.aliases().nextElement();
        for (var it = ks.aliases().asIterator(); it.hasNext();) {
            String a = it.next();
            if (ks.isKeyEntry(a)) {
                alias = a;
                break;
            }
        }
        return new TlsIdentity(ks, pw, (X509Certificate) ks.getCertificate(alias), generated);
    }

    private static void generate(Path file, char[] pw, String host) throws GeneralSecurityException, IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=SiteSign server (self-signed), O=SiteSign");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(host.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, host)}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), pw, new Certificate[] {cert});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ks.store(bytes, pw);
            DataDir.writeSecret(file, bytes.toByteArray());
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public SSLContext sslContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public boolean isGenerated() {
        return generated;
    }

    /** SHA-256 of the DER certificate as colon-separated upper-case hex, the form clients show for pinning. */
    public String fingerprint() {
        return jp.sitesign.model.crypto.CertificatePem.fingerprint(certificate);
    }
}
