package jp.sitesign.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.SiteSignServer;
import jp.sitesign.server.companies.CompanyService;
import jp.sitesign.server.config.ServerConfig;

/**
 * The real server for integration tests: HTTPS on 127.0.0.1 (free port), a fresh data folder, and the
 * database the run selects with {@code -Dsitesign.test.db=h2|postgres} (a new database per server).
 */
public final class TestServer implements AutoCloseable {
    /** Every test user's password (all test users are created with it and need no change). */
    public static final String PASSWORD = "Correct-Horse-42";

    private final Path dataDir;
    private final Map<String, String> settings;
    private final MutableClock clock;
    private ServerContext context;
    private SiteSignServer server;
    private ApiClient api;

    private TestServer(Path dataDir, Map<String, String> settings, MutableClock clock) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.clock = clock;
    }

    public static String backend() {
        return System.getProperty("sitesign.test.db", "h2");
    }

    public static boolean onPostgres() {
        return "postgres".equals(backend());
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /**
     * A server that timestamps with {@code signers}' TSA and trusts their CA, with both settings in the data
     * folder's file too, so the operator CLI run on it uses them as well.
     */
    public static TestServer withTsa(TestSigners signers) {
        TestServer server = start(signers.serverSettingsWithTsa());
        server.shareWithCli("tsa.url", "trust.anchors");
        return server;
    }

    /** Starts with extra settings (see ServerConfig keys), e.g. a short idle timeout. */
    public static TestServer start(Map<String, String> extra) {
        return start(extra, new MutableClock());
    }

    /** Starts with extra settings and the given clock (e.g. {@link MutableClock#running()}). */
    public static TestServer start(Map<String, String> extra, MutableClock clock) {
        try {
            Map<String, String> s = new HashMap<>();
            s.put("host", "127.0.0.1");
            s.put("port", "0");
            // Tests run the deadline job themselves (ContractService.expireDue) when they move the clock.
            s.put("jobs.expiry-seconds", "86400");
            // and the archive renewal (ArchiveRenewal.renewDue).
            s.put("jobs.archive-renewal-minutes", "100000");
            // and the audit job (AuditRetention.cutDue, AuditAnchoring.anchorIfDue).
            s.put("jobs.audit-anchor-minutes", "100000");
            // and the backups (Backups.runDaily / createData).
            s.put("backup.enabled", "false");
            // and the purge (Purge.run).
            s.put("purge.enabled", "false");
            if (onPostgres()) {
                s.put("db.url", PostgresCluster.get().newDatabase());
                s.put("db.user", "postgres");
            }
            s.putAll(extra);
            Path dir = Files.createTempDirectory("sitesign-test-");
            // The DEMO CA and TSA on both databases, set where an operator would (the data folder's file),
            // so the operator CLI run on the same folder agrees with the server.
            Files.writeString(dir.resolve(ServerConfig.FILE_NAME), "demo-ca.enabled=true\n", StandardCharsets.UTF_8);
            TestServer t = new TestServer(dir, s, clock);
            t.boot();
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        context = new ServerContext(ServerConfig.load(dataDir, Map.of(), settings), clock);
        server = SiteSignServer.start(context);
        api = new ApiClient(server.baseUrl(), server.tls().certificate());
    }

    /** Stops and starts again on the same data folder and database (a new port). */
    public void restart() {
        server.close();
        context.close();
        boot();
    }

    public ApiClient api() {
        return api;
    }

    /**
     * Writes these of the server's settings into the data folder's file as well, so the operator CLI run on the
     * folder ({@link OperatorCli}) uses them too (e.g. {@code tsa.url}, {@code trust.anchors}).
     */
    public void shareWithCli(String... keys) {
        Path file = dataDir.resolve(ServerConfig.FILE_NAME);
        try {
            StringBuilder lines = new StringBuilder(Files.readString(file, StandardCharsets.UTF_8));
            for (String key : keys) {
                lines.append(key).append('=').append(settings.get(key)).append('\n');
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server started on a configuration of the test's own (e.g. a restored data folder). */
    public record Running(ServerContext context, SiteSignServer server, ApiClient api) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            context.close();
        }
    }

    /** Starts a server on the configuration (a free port unless it names one) for a few requests. */
    public static Running runOn(ServerConfig config) {
        ServerContext context = new ServerContext(config, new MutableClock());
        SiteSignServer server = SiteSignServer.start(context);
        return new Running(context, server, new ApiClient(server.baseUrl(), server.tls().certificate()));
    }

    /**
     * Stops the in-process server cleanly (as an operator's restart does) and writes its settings into
     * the data folder's file, so a {@link ServerProcess} started on {@link #dataDir()} runs on the same
     * database with the same settings. {@link #close()} still deletes the folder.
     */
    public Path handOver() {
        server.close();
        context.close();
        server = null;
        context = null;
        StringBuilder file = new StringBuilder("demo-ca.enabled=true\n");
        settings.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(dataDir.resolve(ServerConfig.FILE_NAME), file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }

    public ServerContext context() {
        return context;
    }

    public SiteSignServer server() {
        return server;
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return server.port();
    }

    /** The JDBC URL in use, or null for the embedded H2. */
    public String dbUrl() {
        return settings.get("db.url");
    }

    /** A company with an owner, an admin and two members, all with {@link #PASSWORD} and no forced change. */
    public TestCompany createCompany(String name) {
        return createCompany(name, null);
    }

    /** {@link #createCompany(String)} registered with a 法人番号 (13 digits), or none. */
    public TestCompany createCompany(String name, String corporateNumber) {
        CompanyService.Created c = context.companies().create(new CompanyService.Registration(name, "テスト",
                corporateNumber, "東京都", "代表者", profile("責任者")));
        UserId admin = context.companies().addUser(c.companyId(), Role.ADMIN, profile("管理者"));
        UserId member = context.companies().addUser(c.companyId(), Role.MEMBER, profile("一般"));
        UserId member2 = context.companies().addUser(c.companyId(), Role.MEMBER, profile("一般二"));
        for (UserId u : new UserId[] {c.ownerId(), admin, member, member2}) {
            context.auth().setPassword(u, PASSWORD, false);
        }
        return new TestCompany(c.companyId(), c.ownerId(), admin, member, member2);
    }

    /** A fresh invitation code of {@code company}, issued by its admin through the API (ADR 22). */
    public String invitationOf(TestCompany company) {
        String token = api().login(company.admin().value(), PASSWORD);
        ApiClient.Response r = api().post("/api/v1/partnerships/invitations", token, Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("no invitation: " + r);
        }
        return r.json().get("code").asText();
    }

    private static UserProfile profile(String name) {
        return new UserProfile("試験 " + name, "シケン", "test@example.invalid", "工事部", "主任");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (context != null) {
            context.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test company and its four users. */
    public record TestCompany(CompanyId id, UserId owner, UserId admin, UserId member, UserId member2) {
    }
}
