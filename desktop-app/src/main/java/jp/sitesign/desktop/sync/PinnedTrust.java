package jp.sitesign.desktop.sync;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import jp.sitesign.desktop.messages.DesktopMessage;

/**
 * Trust in exactly one server certificate, the one the user confirmed by its fingerprint on first contact
 * (DESIGN §5, trust on first use): any other certificate is refused, whoever signed it. The certificate's
 * names are not compared with the address: the exact certificate already identifies the server, and neither
 * HTTP client this is given to checks names beside a trust manager of its own (ADR 32).
 */
public final class PinnedTrust {
    private PinnedTrust() {
    }

    /**
     * The server as the app knows it: its address and the certificate the user confirmed for it. Services the
     * server itself offers at other paths (the DEMO TSA) are reached over the same pinned TLS.
     *
     * @param server the server's base URL
     * @param pinned the confirmed server certificate
     */
    public record Origin(URI server, X509Certificate pinned) {
        /** Whether {@code url} is at this server: the same scheme, host and port (default ports filled in). */
        public boolean serves(URI url) {
            return url != null && url.getScheme() != null && url.getHost() != null
                    && url.getScheme().equalsIgnoreCase(server.getScheme())
                    && url.getHost().toLowerCase(Locale.ROOT).equals(server.getHost().toLowerCase(Locale.ROOT))
                    && port(url) == port(server);
        }

        /** An HTTP client that trusts exactly the confirmed certificate (no redirects: they would leave it). */
        public HttpClient httpClient() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context(pinned))
                    .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        private static int port(URI url) {
            if (url.getPort() != -1) {
                return url.getPort();
            }
            return "https".equalsIgnoreCase(url.getScheme()) ? 443 : "http".equalsIgnoreCase(url.getScheme()) ? 80 : -1;
        }
    }

    public static SSLContext context(X509Certificate pinned) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Pinned(pinned)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the certificate, as the server prints it at start (AA:BB:…). */
    public static String fingerprint(X509Certificate certificate) {
        return jp.sitesign.model.crypto.CertificatePem.fingerprint(certificate);
    }

    /**
     * The certificate a server presents, without trusting it yet: what the first-run screen shows with its
     * fingerprint for the user to compare with the one the operator gave them.
     */
    public static X509Certificate fetch(String host, int port) throws java.io.IOException {
        X509Certificate[] seen = new X509Certificate[1];
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Capture(seen)}, null);
            SSLSocketFactory f = ctx.getSocketFactory();
            try (SSLSocket s = (SSLSocket) f.createSocket(host, port)) {
                s.setSoTimeout(10_000);
                s.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new java.io.IOException(e);
        }
        if (seen[0] == null) {
            throw new java.io.IOException("no certificate from " + host + ":" + port);
        }
        return seen[0];
    }

    private static final class Pinned extends ServerOnly {
        private final byte[] pinned;

        Pinned(X509Certificate certificate) {
            try {
                this.pinned = certificate.getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !MessageDigest.isEqual(chain[0].getEncoded(), pinned)) {
                throw new CertificateException(DesktopMessage.SERVER_CERTIFICATE_CHANGED.bilingual());
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

    }

    /** Accepts any server certificate only to show it; never used for a connection that carries data. */
    private static final class Capture extends ServerOnly {
        private final X509Certificate[] seen;

        Capture(X509Certificate[] seen) {
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen[0] = chain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            seen[0] = chain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            seen[0] = chain[0];
        }

    }

    /** A trust manager for the client side of TLS: it judges servers only. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
