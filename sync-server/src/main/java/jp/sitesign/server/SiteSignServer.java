package jp.sitesign.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.contracts.ArchiveRenewal;
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
    private final BackgroundJobs jobs;
    /** Webhook deliveries wait on other people's servers: on their own thread, so they never delay a backup. */
    private final BackgroundJobs webhookJobs;

    private SiteSignServer(ServerContext context, TlsIdentity tls, HttpsServer https) {
        this.context = context;
        this.tls = tls;
        this.https = https;
        JobLeases leases = new JobLeases(context.db(), context.clock(), context.config().minutes("jobs.lease-minutes"));
        this.jobs = new BackgroundJobs(context.metrics()::jobRun, leases);
        this.webhookJobs = new BackgroundJobs(context.metrics()::jobRun, leases);
        int every = context.config().getInt("jobs.expiry-seconds");
        jobs.every("deadline", every, every, TimeUnit.SECONDS, this::expireDueContracts);
        int maintenance = context.config().getInt("jobs.sync-maintenance-minutes");
        jobs.every("sync maintenance", 1, maintenance, TimeUnit.MINUTES, this::syncMaintenance);
        // A server restarted more often than the interval still runs the renewal soon after each start.
        int renewal = context.config().getInt("jobs.archive-renewal-minutes");
        jobs.every("archive-timestamp renewal", Math.min(10, renewal), renewal, TimeUnit.MINUTES,
                this::renewArchiveTimestamps);
        int webhooks = context.config().getPositiveInt("jobs.webhook-seconds");
        webhookJobs.every("webhook deliveries", webhooks, webhooks, TimeUnit.SECONDS,
                () -> context.webhooks().deliverDue());
        int sessions = context.config().getInt("jobs.session-purge-minutes");
        jobs.every("session purge", sessions, sessions, TimeUnit.MINUTES, this::purgeExpiredSessions);
        if (Boolean.parseBoolean(context.config().get("purge.enabled").strip())) {
            jobs.dailyAt("purge", context.config().get("purge.time"), context.clock(), () -> context.purge().run(false));
        }
        // The audit job: events past retention are cut, and the chain head is timestamped about once a period.
        int audit = context.config().getInt("jobs.audit-anchor-minutes");
        jobs.every("audit upkeep", Math.min(10, audit), audit, TimeUnit.MINUTES,
                () -> auditMaintenance(Duration.ofMinutes(audit)));
        if (context.timestamps() != null) {
            int clock = context.config().getInt("jobs.clock-check-minutes");
            jobs.everyHere("clock check", Math.min(10, clock), clock, TimeUnit.MINUTES, this::checkClock);
        }
        if (Boolean.parseBoolean(context.config().get("backup.enabled").strip())) {
            jobs.dailyAt("backup", context.config().get("backup.time"), context.clock(), this::backUp);
            jobs.once("backup age check", 1, TimeUnit.MINUTES, this::warnIfBackupsAreOld);
        }
    }

    /** The daily backups and their retention (DESIGN §8, ADR 12); warns when the newest is too old. */
    private void backUp() {
        try {
            Backups.Made made = context.backups().runDaily();
            LOG.info("daily backup {} ({}) done; {} old backup(s) removed", made.backup().id(), made.backup().kind(),
                    made.removed().size());
        } finally {
            warnIfBackupsAreOld();
        }
    }

    private void warnIfBackupsAreOld() {
        var age = context.backups().newestDataBackupAge();
        if (age.isEmpty() || age.get().compareTo(java.time.Duration.ofHours(36)) > 0) {
            LOG.warn("the newest data backup in {} is {}: older than a day and a half", context.config().backupDir(),
                    age.map(a -> a.toHours() + " hours old").orElse("missing"));
        }
    }

    /** The daily clock comparison with the TSA (every timestamp the server obtains is compared too). */
    private void checkClock() {
        try {
            var reading = context.clockWatch().check(context.timestamps());
            LOG.debug("clock compared with {}: {} ms off", reading.source(), reading.skew().toMillis());
        } catch (jp.sitesign.model.signature.core.SigningException e) {
            LOG.warn("the clock could not be compared with the TSA (tried again next period): {}", e.getMessage());
        }
    }

    /** Expired sessions; safe with several servers on one database (a delete by age). */
    private void purgeExpiredSessions() {
        int n = context.auth().purgeExpiredSessions();
        if (n > 0) {
            LOG.info("{} expired session(s) deleted", n);
        }
    }

    /** Archive-timestamp renewal (DESIGN §6); safe with several servers on one database. */
    private void renewArchiveTimestamps() {
        ArchiveRenewal.Result r = context.contracts().archiveRenewal().renewDue();
        if (r.any()) {
            LOG.info("archive timestamps: {} renewed, {} failed (tried again next run)", r.renewed(), r.failed());
        }
    }

    /**
     * The audit log's upkeep (DESIGN §5, §8): the retention cut, then the daily anchor (skipped when another
     * server or a backup anchored recently). Each half fails on its own; both run again next period.
     */
    private void auditMaintenance(Duration period) {
        try {
            context.auditRetention().cutDue().ifPresent(cut -> LOG.info(
                    "audit events #{} to #{} ({}) were past audit.retention-years and are cut; checkpoint anchor {}",
                    cut.from(), cut.to(), cut.events(), cut.anchor() == null ? "none" : cut.anchor()));
        } catch (RuntimeException e) {
            LOG.error("the audit retention cut failed; it runs again at its next interval", e);
        }
        try {
            context.auditAnchoring().anchorIfDue(period).ifPresent(a -> LOG.info(
                    "audit log timestamped: anchor {} at event #{} by {}", a.id(), a.sequence(), a.tsa()));
        } catch (RuntimeException e) {
            LOG.error("the audit anchoring job failed; it runs again at its next interval", e);
        }
    }

    /** Drops old tombstones, command records and abandoned uploads (the periods are configuration). */
    private void syncMaintenance() {
        SyncService.Maintenance m = context.sync().maintain();
        if (m.any()) {
            LOG.info("sync maintenance: {}", m);
        }
    }

    /** Deadline expiry; safe with several servers on one database (each write checks the revision). */
    private void expireDueContracts() {
        int n = context.contracts().workflow().expireDue();
        if (n > 0) {
            LOG.info("{} contract(s) passed their signing deadline and expired", n);
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
     * Stops gracefully: HTTPS refuses new connections and lets the requests in flight finish (bounded by
     * {@code http.shutdown-grace-seconds}), then the jobs stop (a run in progress may finish). The context
     * (password threads, database) stays open for its owner to close afterwards.
     */
    @Override
    public void close() {
        https.close();
        jobs.stop(context.config().seconds("http.shutdown-grace-seconds"));
        webhookJobs.stop(context.config().seconds("http.shutdown-grace-seconds"));
    }
}
