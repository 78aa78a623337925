package jp.sitesign.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.sitesign.server.contracts.ArchiveRenewal;
import jp.sitesign.server.http.ApiApplication;
import jp.sitesign.server.http.HttpSettings;
import jp.sitesign.server.http.HttpsServer;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: the context behind an HTTPS listener, and its background jobs. */
public final class SiteSignServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteSignServer.class);

    private final ServerContext context;
    private final TlsIdentity tls;
    private final HttpsServer https;
    private final ScheduledExecutorService jobs;

    private SiteSignServer(ServerContext context, TlsIdentity tls, HttpsServer https) {
        this.context = context;
        this.tls = tls;
        this.https = https;
        this.jobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitesign-jobs");
            t.setDaemon(true);
            return t;
        });
        int every = context.config().getInt("jobs.expiry-seconds");
        jobs.scheduleWithFixedDelay(this::expireDueContracts, every, every, TimeUnit.SECONDS);
        int maintenance = context.config().getInt("jobs.sync-maintenance-minutes");
        jobs.scheduleWithFixedDelay(this::syncMaintenance, 1, maintenance, TimeUnit.MINUTES);
        // A server restarted more often than the interval still runs the renewal soon after each start.
        int renewal = context.config().getInt("jobs.archive-renewal-minutes");
        jobs.scheduleWithFixedDelay(this::renewArchiveTimestamps, Math.min(10, renewal), renewal, TimeUnit.MINUTES);
    }

    /** Archive-timestamp renewal (DESIGN §6); safe with several servers on one database. */
    private void renewArchiveTimestamps() {
        try {
            ArchiveRenewal.Result r = context.contracts().archiveRenewal().renewDue();
            if (r.any()) {
                LOG.info("archive timestamps: {} renewed, {} failed (tried again next run)", r.renewed(), r.failed());
            }
        } catch (RuntimeException e) {
            LOG.error("the archive-timestamp renewal job failed; it runs again at its next interval", e);
        }
    }

    /** Drops old tombstones, command records and abandoned uploads (the periods are configuration). */
    private void syncMaintenance() {
        try {
            SyncService.Maintenance m = context.sync().maintain();
            if (m.any()) {
                LOG.info("sync maintenance: {}", m);
            }
        } catch (RuntimeException e) {
            LOG.error("the sync maintenance job failed; it runs again at its next interval", e);
        }
    }

    /** Deadline expiry; safe with several servers on one database (each write checks the revision). */
    private void expireDueContracts() {
        try {
            int n = context.contracts().expireDue();
            if (n > 0) {
                LOG.info("{} contract(s) passed their signing deadline and expired", n);
            }
        } catch (RuntimeException e) {
            LOG.error("the deadline job failed; it runs again at its next interval", e);
        }
    }

    /** Listens on the configured host and port (0 picks a free port). */
    public static SiteSignServer start(ServerContext context) {
        TlsIdentity tls = TlsIdentity.load(context.config(), context.masterKey());
        HttpsServer https = HttpsServer.start(context.config().host(), context.config().port(), tls.sslContext(),
                ApiApplication.create(context), HttpSettings.from(context.config()));
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

    /**
     * Stops listening gracefully (requests in flight finish, bounded by {@code http.shutdown-grace-seconds});
     * the context (database) stays open for its owner to close.
     */
    @Override
    public void close() {
        https.close();
        jobs.shutdownNow();
    }
}
