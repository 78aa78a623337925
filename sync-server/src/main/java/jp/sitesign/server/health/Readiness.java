package jp.sitesign.server.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import jp.sitesign.server.http.DaemonThreads;
import jp.sitesign.server.storage.Database;

/**
 * What {@code /health/ready} reports (ADR 18). The database, its migrations and free disk decide whether
 * this process takes requests (DOWN: 503, the load balancer sends clients elsewhere). The backup's age,
 * the clock's skew and the TSA are shared by every process behind the balancer, so they only WARN: taking
 * all servers out because the TSA is slow would stop the service for something it can live without.
 * Nothing secret is reported: no URLs with credentials, no paths, no error texts from the database.
 */
public final class Readiness implements AutoCloseable {
    /** How long one check may take before it is reported as timed out. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    static final Duration BACKUP_MAX_AGE = Duration.ofHours(36);

    /** A check's outcome. */
    public enum Status { UP, WARN, DOWN, OFF }

    /** One check: its status and what an operator needs to read it. */
    public record Check(Status status, Map<String, Object> details) {
        static Check of(Status status, Object... keyValues) {
            Map<String, Object> details = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                details.put((String) keyValues[i], keyValues[i + 1]);
            }
            return new Check(status, details);
        }
    }

    /** The answer: DOWN when any check is, WARN when any warns, else UP. */
    public record Report(Status status, Map<String, Check> checks) {
        public boolean ready() {
            return status != Status.DOWN;
        }
    }

    private final Database db;
    private final Path dataDir;
    private final long minFreeBytes;
    private final Supplier<Optional<Duration>> backupAge;
    private final boolean backupsEnabled;
    private final ClockWatch clock;
    private final URI tsa;
    private final ExecutorService checks = Executors.newCachedThreadPool(DaemonThreads.named("sitesign-health"));

    /**
     * @param backupAge the newest data backup's age ({@code Backups.newestDataBackupAge})
     * @param tsa       the TSA the server timestamps with, or null for none
     */
    public Readiness(Database db, Path dataDir, long minFreeBytes, Supplier<Optional<Duration>> backupAge,
            boolean backupsEnabled, ClockWatch clock, URI tsa) {
        this.db = db;
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
        this.backupAge = backupAge;
        this.backupsEnabled = backupsEnabled;
        this.clock = clock;
        this.tsa = tsa;
    }

    public Report check() {
        Future<Check> database = checks.submit(this::database);
        Future<Check> timestamps = checks.submit(this::tsa);
        Map<String, Check> out = new LinkedHashMap<>();
        out.put("database", await(database));
        out.put("disk", disk());
        out.put("backup", backup());
        out.put("clock", clock());
        out.put("tsa", await(timestamps));
        Status overall = out.values().stream().map(Check::status)
                .reduce(Status.UP, (a, b) -> a == Status.DOWN || b == Status.DOWN ? Status.DOWN
                        : a == Status.WARN || b == Status.WARN ? Status.WARN : Status.UP);
        return new Report(overall, out);
    }

    private static Check await(Future<Check> check) {
        try {
            return check.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return Check.of(Status.DOWN, "error", "no answer within " + CHECK_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Check.of(Status.DOWN, "error", e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.of(Status.DOWN, "error", "interrupted");
        }
    }

    /** Reachable, and the schema at the newest migration this build carries with none failed. */
    private Check database() {
        Database.SchemaState schema = db.schemaState();
        if (schema.failed()) {
            return Check.of(Status.DOWN, "schemaVersion", schema.applied(), "expected", schema.expected(),
                    "error", "a migration failed");
        }
        boolean current = schema.expected().equals(schema.applied());
        return Check.of(current ? Status.UP : Status.DOWN, "kind", db.isPostgres() ? "PostgreSQL" : "H2",
                "schemaVersion", schema.applied(), "expected", schema.expected());
    }

    private Check disk() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            return Check.of(free >= minFreeBytes ? Status.UP : Status.DOWN, "freeBytes", free, "minFreeBytes",
                    minFreeBytes);
        } catch (IOException e) {
            return Check.of(Status.DOWN, "error", "the data folder's disk cannot be read");
        }
    }

    private Check backup() {
        if (!backupsEnabled) {
            return Check.of(Status.OFF);
        }
        Optional<Duration> age = backupAge.get();
        if (age.isEmpty()) {
            return Check.of(Status.WARN, "error", "no data backup yet");
        }
        return Check.of(age.get().compareTo(BACKUP_MAX_AGE) <= 0 ? Status.UP : Status.WARN,
                "ageSeconds", age.get().toSeconds(), "maxAgeSeconds", BACKUP_MAX_AGE.toSeconds());
    }

    private Check clock() {
        Optional<ClockWatch.Reading> last = clock.last();
        if (last.isEmpty()) {
            return Check.of(tsa == null ? Status.OFF : Status.UP, "maxSkewSeconds", clock.maxSkew().toSeconds(),
                    "comparedAt", null);
        }
        ClockWatch.Reading r = last.get();
        return Check.of(r.within(clock.maxSkew()) ? Status.UP : Status.WARN, "skewMillis", r.skew().toMillis(),
                "maxSkewSeconds", clock.maxSkew().toSeconds(), "comparedAt", r.at().toString());
    }

    /** A TCP connection to the TSA: enough to see it is there without spending one of its timestamps. */
    private Check tsa() {
        if (tsa == null) {
            return Check.of(Status.OFF);
        }
        int port = tsa.getPort() > 0 ? tsa.getPort() : "https".equalsIgnoreCase(tsa.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(tsa.getHost(), port), (int) CHECK_TIMEOUT.toMillis());
            return Check.of(Status.UP);
        } catch (IOException e) {
            return Check.of(Status.WARN, "error", "the TSA cannot be reached");
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
