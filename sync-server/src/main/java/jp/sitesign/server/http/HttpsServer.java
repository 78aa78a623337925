package jp.sitesign.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grizzly serving HTTPS only: TLS 1.3 and 1.2 with AEAD suites on CRYPTREC-listed ciphers (AES-GCM with
 * ECDHE; no ChaCha20, no CBC, no static RSA). There is no plain-HTTP listener at all. Request bodies are
 * collected without a thread ({@link BodyGate}), and stopping lets the requests in flight finish.
 */
public final class HttpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsServer.class);
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final List<String> SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private final HttpServer server;
    private final BodyGate gate;
    private final HttpSettings settings;
    private final int port;

    private HttpsServer(HttpServer server, BodyGate gate, HttpSettings settings, int port) {
        this.server = server;
        this.gate = gate;
        this.settings = settings;
        this.port = port;
    }

    public static HttpsServer start(String host, int port, SSLContext ssl, ResourceConfig app, HttpSettings settings) {
        NetworkListener listener = new NetworkListener("sitesign-https", host, port);
        listener.setSecure(true);
        listener.setSSLEngineConfig(tls(ssl));
        listener.setMaxHttpHeaderSize(settings.maxHeaderBytes());
        listener.setMaxRequestHeaders(100);
        listener.getKeepAlive().setIdleTimeoutInSeconds(60);
        listener.getFileCache().setEnabled(false);
        listener.getTransport().getWorkerThreadPoolConfig().setPoolName("sitesign-http")
                .setCorePoolSize(settings.workerThreads()).setMaxPoolSize(settings.workerThreads());
        listener.registerAddOn(StrictHttpCodec.addOn());

        HttpServer server = new HttpServer();
        server.addListener(listener);
        ServerConfiguration config = server.getServerConfiguration();
        config.setDefaultErrorPageGenerator(new RawAnswers());
        // As Jersey's own factory sets them: TRACE reaches Jersey (which refuses it in JSON), queries are UTF-8.
        config.setPassTraceRequest(true);
        config.setDefaultQueryEncoding(StandardCharsets.UTF_8);
        BodyGate gate = new BodyGate(settings.bodyLimit(), settings.bodyReadTimeout());
        config.addHttpHandler(new ApiHandler(ContainerFactory.createContainer(GrizzlyHttpContainer.class, app), gate));
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            gate.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpsServer(server, gate, settings, listener.getPort());
    }

    private static SSLEngineConfigurator tls(SSLContext ssl) {
        SSLEngineConfigurator tls = new SSLEngineConfigurator(ssl, false, false, false);
        tls.setEnabledProtocols(PROTOCOLS);
        List<String> supported = Arrays.asList(ssl.getSupportedSSLParameters().getCipherSuites());
        tls.setEnabledCipherSuites(SUITES.stream().filter(supported::contains).toArray(String[]::new));
        return tls;
    }

    public int port() {
        return port;
    }

    /**
     * Stops taking connections, lets the requests in flight finish for at most the grace period, then
     * closes what is left.
     */
    @Override
    public void close() {
        long grace = settings.shutdownGrace().toSeconds();
        LOG.info("stopping HTTPS: new connections refused, requests in flight get up to {} s to finish", grace);
        try {
            server.shutdown(grace, TimeUnit.SECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("the graceful stop of HTTPS failed; closing the remaining connections", e);
        } finally {
            server.shutdownNow();
            gate.close();
        }
    }
}
