package jp.sitesign.server;

import jp.sitesign.server.http.ApiApplication;
import jp.sitesign.server.http.HttpsServer;
import jp.sitesign.server.http.TlsIdentity;

/** The running server: the context behind an HTTPS listener. */
public final class SiteSignServer implements AutoCloseable {
    private final ServerContext context;
    private final TlsIdentity tls;
    private final HttpsServer https;

    private SiteSignServer(ServerContext context, TlsIdentity tls, HttpsServer https) {
        this.context = context;
        this.tls = tls;
        this.https = https;
    }

    /** Listens on the configured host and port (0 picks a free port). */
    public static SiteSignServer start(ServerContext context) {
        TlsIdentity tls = TlsIdentity.load(context.config(), context.masterKey());
        HttpsServer https = HttpsServer.start(context.config().host(), context.config().port(), tls.sslContext(),
                ApiApplication.create(context), context.config().getInt("limits.max-header-bytes"));
        return new SiteSignServer(context, tls, https);
    }

    public ServerContext context() {
        return context;
    }

    public TlsIdentity tls() {
        return tls;
    }

    public int port() {
        return https.port();
    }

    public String baseUrl() {
        return "https://" + context.config().host() + ":" + port();
    }

    /** Stops listening; the context (database) stays open for its owner to close. */
    @Override
    public void close() {
        https.close();
    }
}
