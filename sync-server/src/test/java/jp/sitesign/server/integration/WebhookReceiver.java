package jp.sitesign.server.integration;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jp.sitesign.model.crypto.CertificatePem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A customer's webhook endpoint on loopback HTTPS, with a certificate of its own: it keeps what it receives and
 * checks the signature the way a receiver should (HMAC-SHA256 over timestamp "." body, constant-time compare).
 */
final class WebhookReceiver implements AutoCloseable {
    /** One delivery as received. */
    record Received(String event, String timestamp, String signature, String body) {
    }

    private final HttpsServer server;
    private final X509Certificate certificate;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=webhook receiver");
            certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("receiver", keys.getPrivate(), "x".toCharArray(), new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "x".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-SiteSign-Event"),
                        exchange.getRequestHeaders().getFirst("X-SiteSign-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-SiteSign-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The receiver's certificate as a PEM file, for the server's {@code webhooks.trust-anchors}. */
    Path certificateFile(Path dir) {
        try {
            return Files.writeString(dir.resolve("receiver.pem"), CertificatePem.encode(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Received> received() {
        return received;
    }

    /** The receiver's check: the signature header is sha256= the HMAC of timestamp "." body under the secret. */
    static boolean signatureHolds(String secret, Received r) {
        String expected = "sha256=" + Webhooks.sign(secret.getBytes(StandardCharsets.US_ASCII), r.timestamp(), r.body());
        return r.signature() != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                r.signature().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
