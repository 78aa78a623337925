package jp.sitesign.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Grizzly serving HTTPS only: TLS 1.3 and 1.2 with AEAD suites on CRYPTREC-listed ciphers (AES-GCM with
 * ECDHE; no ChaCha20, no CBC, no static RSA). There is no plain-HTTP listener at all.
 */
public final class HttpsServer implements AutoCloseable {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final List<String> SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private final HttpServer server;
    private final int port;

    private HttpsServer(HttpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static HttpsServer start(String host, int port, SSLContext ssl, ResourceConfig app, int maxHeaderBytes) {
        SSLEngineConfigurator tls = new SSLEngineConfigurator(ssl, false, false, false);
        tls.setEnabledProtocols(PROTOCOLS);
        List<String> supported = Arrays.asList(ssl.getSupportedSSLParameters().getCipherSuites());
        tls.setEnabledCipherSuites(SUITES.stream().filter(supported::contains).toArray(String[]::new));
        URI uri = URI.create("https://" + host + ":" + port + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, app, true, tls, false);
        NetworkListener listener = server.getListeners().iterator().next();
        listener.setMaxHttpHeaderSize(maxHeaderBytes);
        listener.setMaxRequestHeaders(100);
        listener.getKeepAlive().setIdleTimeoutInSeconds(60);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpsServer(server, listener.getPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
