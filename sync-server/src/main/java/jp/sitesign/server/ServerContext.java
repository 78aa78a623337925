package jp.sitesign.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import jp.sitesign.model.crypto.PasswordHasher;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.audit.AuditAnchoring;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.audit.AuditRetention;
import jp.sitesign.server.audit.AuditVerification;
import jp.sitesign.server.auth.AuthService;
import jp.sitesign.server.auth.AuthSettings;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.auth.LoginThrottle;
import jp.sitesign.server.auth.PasswordPool;
import jp.sitesign.server.auth.Passwords;
import jp.sitesign.server.auth.SessionRepository;
import jp.sitesign.server.backup.Backups;
import jp.sitesign.server.ca.DemoCa;
import jp.sitesign.server.ca.DemoTrust;
import jp.sitesign.server.certificates.ApplicationRepository;
import jp.sitesign.server.certificates.ApplicationService;
import jp.sitesign.server.certificates.CertificateBindings;
import jp.sitesign.server.certificates.CertificateOperator;
import jp.sitesign.server.certificates.CertificateRegistrar;
import jp.sitesign.server.certificates.CertificateRepository;
import jp.sitesign.server.certificates.CertificateService;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.companies.CompanyService;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractService;
import jp.sitesign.server.contracts.SignatureDefaults;
import jp.sitesign.server.health.ClockWatch;
import jp.sitesign.server.health.Readiness;
import jp.sitesign.server.http.ClientAddress;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.integration.IntegrationRepository;
import jp.sitesign.server.integration.IntegrationService;
import jp.sitesign.server.integration.RateLimits;
import jp.sitesign.server.integration.WebhookRepository;
import jp.sitesign.server.integration.Webhooks;
import jp.sitesign.server.keys.CompanyKeyRotation;
import jp.sitesign.server.keys.MasterKeyRotation;
import jp.sitesign.server.metrics.Metrics;
import jp.sitesign.server.notices.NoticeService;
import jp.sitesign.server.partnerships.PartnershipService;
import jp.sitesign.server.retention.Purge;
import jp.sitesign.server.seal.ServerSeal;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.MasterKey;
import jp.sitesign.server.storage.MasterKeyRing;
import jp.sitesign.server.sync.SyncService;
import jp.sitesign.server.sync.Uploads;
import jp.sitesign.server.users.UserService;

/**
 * Everything the server is made of, wired once from the configuration. The HTTP server and the
 * operator's offline commands use the same instance, so both go through the same services.
 */
public final class ServerContext implements AutoCloseable {
    private final ServerConfig config;
    private final Clock clock;
    private final MasterKey masterKey;
    private final MasterKeyRotation masterKeys;
    private final CompanyKeyRotation companyKeys;
    private final Database db;
    private final AuditLog audit;
    private final AuthService auth;
    private final UserService users;
    private final CompanyService companies;
    private final NoticeService notices;
    private final PartnershipService partnerships;
    private final ContractService contracts;
    private final SigningAuthority signingAuthority;
    private final CertificateService certificates;
    private final ApplicationService certificateApplications;
    private final CertificateOperator certificateOperator;
    private final DemoCa demoCa;
    private final DemoTrust demoTrust;
    private final Guard guard;
    private final AuthSettings authSettings;
    private final ChangeLog changes;
    private final Uploads uploads;
    private final SyncService sync;
    private final Backups backups;
    private final Purge purge;
    private final AuditAnchoring auditAnchoring;
    private final AuditRetention auditRetention;
    private final AuditVerification auditVerification;
    /** The holders of this context: its creator, and each operator command run inside the server. */
    private final java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger(1);
    private final PasswordPool passwordPool;
    private final IntegrationService integration;
    private final Webhooks webhooks;
    private final ClientAddress clientAddress;
    private final ClockWatch clockWatch;
    private final TimestampSource timestamps;
    private final Readiness readiness;
    private final Metrics metrics;
    private final jp.sitesign.server.evidence.EvidenceService evidence;

    public ServerContext(ServerConfig config, Clock clock) {
        this.config = config;
        // Both databases keep instants to the microsecond; answering with finer ones would disagree
        // with the next read.
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        DataDir.ensure(config.dataDir());
        MasterKeyRing keyRing = MasterKeyRing.load(config.dataDir());
        this.masterKey = keyRing.current();
        this.db = Database.open(config, masterKey);
        ContentCipher cipher = new ContentCipher(keyRing, config.dataDir(), new ObjectMapper());
        this.changes = new ChangeLog(this.clock);
        UserRepository userRepo = new UserRepository(cipher, changes);
        CompanyRepository companyRepo = new CompanyRepository(cipher);
        SessionRepository sessions = new SessionRepository(userRepo);
        this.audit = new AuditLog(db, this.clock, masterKey);
        this.masterKeys = new MasterKeyRotation(keyRing, db, cipher, audit, config, this.clock);
        // A rotation rewrites the company's blind-index terms under the new key (ADR 46); the contract services
        // are built further down, and the rotation only runs once the server is up.
        this.companyKeys = new CompanyKeyRotation(db, cipher, audit, this::reindexTerms);
        this.authSettings = AuthSettings.from(config);
        this.passwordPool = new PasswordPool(authSettings.hashThreads(), authSettings.hashQueue());
        Passwords passwords = new Passwords(new PasswordHasher(), authSettings.passwordRules(), passwordPool);
        this.guard = new Guard(audit, this.clock);
        this.auth = new AuthService(db, userRepo, companyRepo, sessions, audit, passwords, authSettings, this.clock);
        CertificateBindings bindings = new CertificateBindings();
        CertificateRepository certificateRepo = new CertificateRepository();
        CertificateRegistrar registrar = new CertificateRegistrar(certificateRepo, companyRepo);
        ApplicationRepository applicationRepo = new ApplicationRepository(cipher);
        this.demoCa = config.demoCaEnabled() ? new DemoCa(config.dataDir(), masterKey.derivePassword("demo-ca"),
                config.publicUrl(), db, this.clock) : null;
        this.signingAuthority = new SigningAuthority(db, this.clock);
        this.certificates = new CertificateService(db, certificateRepo, bindings, registrar, userRepo, audit, guard,
                this.clock);
        this.certificateApplications = new ApplicationService(db, applicationRepo, audit, guard, this.clock);
        this.certificateOperator = new CertificateOperator(db, certificateRepo, registrar, applicationRepo,
                companyRepo, audit, demoCa, this.clock);
        this.users = new UserService(db, userRepo, sessions, audit, guard, passwords, bindings, this.clock);
        this.companies = new CompanyService(db, companyRepo, userRepo, sessions, audit, passwords, this.clock,
                java.time.Duration.ofDays(config.getInt("termination.grace-days")));
        this.notices = new NoticeService(db, audit, this.clock, changes);
        this.partnerships = new PartnershipService(db, companyRepo, cipher, audit, guard, this.clock, changes,
                new jp.sitesign.server.partnerships.PartnershipInvitations(db, this.clock, config));
        // Demo mode trusts the DEMO CA and timestamps with the DEMO TSA unless the operator set others.
        this.demoTrust = config.demoMode() && demoCa != null ? DemoTrust.of(demoCa, config.publicUrl(),
                TlsIdentity.load(config, masterKey).certificate()) : null;
        this.clockWatch = new ClockWatch(Clock.systemUTC(), config.seconds("clock.max-skew-seconds"), audit);
        SignatureDefaults signatureDefaults = (demoTrust == null ? SignatureDefaults.NONE
                : SignatureDefaults.of(demoTrust)).timestampsThrough(clockWatch::watching);
        IntegrationRepository integrationRepo = new IntegrationRepository(cipher);
        this.webhooks = new Webhooks(db, new WebhookRepository(cipher), integrationRepo, guard, audit, this.clock,
                config);
        // The server seals with its own key: configured, else certified by the embedded CA. Evidence packages
        // (ADR 24) and the 送付のみ contracts applications send (ADR 34) use the same seal.
        DemoCa sealCa = demoCa;
        ServerSeal seal = ServerSeal.from(config, masterKey, sealCa == null ? null
                : (key, subject) -> java.util.List.of(sealCa.issueSigner(key, subject, Duration.ofDays(3650)),
                        sealCa.certificate()));
        this.contracts = new ContractService(db, cipher, userRepo, companyRepo, partnerships, signingAuthority, audit,
                guard, this.clock, masterKey, config, signatureDefaults, changes, webhooks, seal);
        // The audit log is anchored with the TSA and checked against the anchors the contracts use.
        this.auditAnchoring = new AuditAnchoring(db, audit, this.clock, signatureDefaults.timestamps(config));
        this.auditRetention = new AuditRetention(db, audit, auditAnchoring, this.clock,
                config.getInt("audit.retention-years"));
        this.auditVerification = new AuditVerification(db, audit, signatureDefaults.trustAnchors(config));
        this.uploads = new Uploads(db, cipher, this.clock, Uploads.Limits.from(config));
        this.sync = new SyncService(db, contracts, userRepo, partnerships, notices, signingAuthority, uploads, guard,
                this.clock, changes, config);
        this.backups = new Backups(config, db, cipher, audit, auditAnchoring, this.clock);
        this.purge = new Purge(db, companyRepo, contracts.retention(), changes, audit, config, this.clock);
        this.clientAddress = ClientAddress.from(config);
        this.integration = new IntegrationService(db, integrationRepo, userRepo, companyRepo, audit,
                guard, new RateLimits(config.getPositiveInt(RateLimits.RATE_PER_MINUTE), this.clock),
                new LoginThrottle(authSettings.addressMaxFailures(), authSettings.addressWindow(), this.clock),
                this.clock);
        this.timestamps = signatureDefaults.timestamps(config);
        this.evidence = new jp.sitesign.server.evidence.EvidenceService(db, contracts, companyRepo, audit, seal,
                timestamps, config, this.clock);
        this.metrics = new Metrics();
        db.measuredBy(metrics.registry());
        metrics.gauge("sitesign.sync.feed.head", "The change feed's newest sequence number", db,
                d -> d.read(ChangeLog::head));
        this.readiness = new Readiness(db, config.dataDir(), config.getInt("health.min-free-disk-mb") * 1024L * 1024L,
                backups::newestDataBackupAge, Boolean.parseBoolean(config.get("backup.enabled").strip()), clockWatch,
                signatureDefaults.timestampUrl(config));
        changes.backfill(db);
        contracts.indexForSearch();
    }

    private long reindexTerms(jp.sitesign.model.company.CompanyId company, int batchSize) {
        return contracts.reindexTerms(company, batchSize);
    }

    /** Evidence packages of completed contracts (issue 15). */
    public jp.sitesign.server.evidence.EvidenceService evidence() {
        return evidence;
    }

    /** The integration API's applications, keys and key authentication (issue 13). */
    public IntegrationService integration() {
        return integration;
    }

    /** Webhook registration, the outbox written with each workflow step, and its delivery job. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** How a request's client address is found ({@code http.trusted-proxies}). */
    public ClientAddress clientAddress() {
        return clientAddress;
    }

    /** The machine clock compared with the TSA's (every timestamp, and the daily check). */
    public ClockWatch clockWatch() {
        return clockWatch;
    }

    /** The server's TSA (watched by {@link #clockWatch()}), or null when none is configured. */
    public TimestampSource timestamps() {
        return timestamps;
    }

    /** This process's metrics ({@code /metrics}). */
    public Metrics metrics() {
        return metrics;
    }

    /** What {@code /health/ready} answers. */
    public Readiness readiness() {
        return readiness;
    }

    public Purge purge() {
        return purge;
    }

    public Backups backups() {
        return backups;
    }

    /** Timestamps of the audit chain's head (daily, at backups, on the operator's request). */
    public AuditAnchoring auditAnchoring() {
        return auditAnchoring;
    }

    /** The cut of audit events past {@code audit.retention-years}. */
    public AuditRetention auditRetention() {
        return auditRetention;
    }

    /** {@code audit verify}: the chain, its checkpoint and every anchor. */
    public AuditVerification auditVerification() {
        return auditVerification;
    }

    public SyncService sync() {
        return sync;
    }

    public Uploads uploads() {
        return uploads;
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** {@code keys rotate-master / retire-master / status} (ADR 36). */
    public MasterKeyRotation masterKeys() {
        return masterKeys;
    }

    /** {@code keys rotate-company} (ADR 36). */
    public CompanyKeyRotation companyKeys() {
        return companyKeys;
    }

    public MasterKey masterKey() {
        return masterKey;
    }

    public Database db() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    public AuthService auth() {
        return auth;
    }

    public UserService users() {
        return users;
    }

    public CompanyService companies() {
        return companies;
    }

    public NoticeService notices() {
        return notices;
    }

    public PartnershipService partnerships() {
        return partnerships;
    }

    public ContractService contracts() {
        return contracts;
    }

    public SigningAuthority signingAuthority() {
        return signingAuthority;
    }

    public CertificateService certificates() {
        return certificates;
    }

    public ApplicationService certificateApplications() {
        return certificateApplications;
    }

    public CertificateOperator certificateOperator() {
        return certificateOperator;
    }

    /** The embedded DEMO CA, or null when disabled. */
    public DemoCa demoCa() {
        return demoCa;
    }

    public ChangeLog changes() {
        return changes;
    }

    /** Demo mode's DEMO CA anchor and DEMO TSA, or null outside demo mode. */
    public DemoTrust demoTrust() {
        return demoTrust;
    }

    /** The threads that hash passwords for API requests. */
    public PasswordPool passwordPool() {
        return passwordPool;
    }

    public Guard guard() {
        return guard;
    }

    public AuthSettings authSettings() {
        return authSettings;
    }

    /** For the last holder: lets accepted password work finish, then closes the database. */
    @Override
    public void close() {
        if (holders.decrementAndGet() == 0) {
            passwordPool.close();
            readiness.close();
            db.close();
        }
    }

    /**
     * The same context for one more holder (an operator command run inside the running server): the
     * database stays open until every holder has closed it.
     */
    public ServerContext share() {
        holders.incrementAndGet();
        return this;
    }
}
