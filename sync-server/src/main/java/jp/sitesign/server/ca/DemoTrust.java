package jp.sitesign.server.ca;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.timestamp.TimestampSource;

/**
 * Demo mode's stand-ins for {@code trust.anchors} and {@code tsa.url}: the DEMO CA as the trust anchor and
 * the DEMO TSA at this server's {@code /demo-tsa}. The server reaches its own TSA, OCSP responder and CRL
 * over HTTPS at the public URL, as it would reach a real CA's, trusting exactly its own TLS certificate
 * (self-signed on the embedded default) for those calls.
 */
public final class DemoTrust {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final X509Certificate anchor;
    private final URI tsaUrl;
    private final HttpClient http;

    private DemoTrust(X509Certificate anchor, URI tsaUrl, HttpClient http) {
        this.anchor = anchor;
        this.tsaUrl = tsaUrl;
        this.http = http;
    }

    /**
     * @param publicUrl         where this server is reached (the URL the demo CA writes into certificates)
     * @param serverCertificate this server's TLS certificate, the only one trusted for the calls to itself
     */
    public static DemoTrust of(DemoCa ca, String publicUrl, X509Certificate serverCertificate) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(trusting(serverCertificate)).connectTimeout(TIMEOUT).build();
        return new DemoTrust(ca.certificate(), URI.create(base + "/demo-tsa"), http);
    }

    /** The DEMO CA certificate: the anchor demo signatures chain to. */
    public X509Certificate anchor() {
        return anchor;
    }

    /** The DEMO TSA, over HTTPS at this server. */
    public TimestampSource timestamps() {
        return new Rfc3161Client(tsaUrl, http);
    }

    /** Where the DEMO TSA answers. */
    public URI tsaUrl() {
        return tsaUrl;
    }

    /** The HTTP client for calls to this server itself, trusting exactly its own TLS certificate. */
    public HttpClient http() {
        return http;
    }

    private static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("sitesign-server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the server's own TLS certificate", e);
        }
    }
}
