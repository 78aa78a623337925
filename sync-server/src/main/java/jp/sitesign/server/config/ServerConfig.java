package jp.sitesign.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import jp.sitesign.model.document.PdfLimits;

/**
 * The server's settings. Each key is read, last one winning, from: the built-in default, the file
 * {@code sitesign.properties} in the data folder, the environment ({@code SITESIGN_} + the key in upper
 * case with dots as underscores, e.g. {@code SITESIGN_DB_URL}), and command-line flags.
 */
public final class ServerConfig {
    public static final String FILE_NAME = "sitesign.properties";

    private final Path dataDir;
    private final Properties values;

    private ServerConfig(Path dataDir, Properties values) {
        this.dataDir = dataDir;
        this.values = values;
    }

    /** Loads defaults, the data folder's file and the environment; {@code overrides} are flags, applied last. */
    public static ServerConfig load(Path dataDir, Map<String, String> environment, Map<String, String> overrides) {
        Properties p = new Properties();
        p.putAll(Defaults.VALUES);
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Properties fromFile = new Properties();
                fromFile.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                p.putAll(fromFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        for (String key : Defaults.VALUES.keySet()) {
            String env = environment.get("SITESIGN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            if (env != null && !env.isBlank()) {
                p.setProperty(key, env);
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        return new ServerConfig(dataDir, p);
    }

    public static ServerConfig load(Path dataDir, Map<String, String> overrides) {
        return load(dataDir, System.getenv(), overrides);
    }

    public Path dataDir() {
        return dataDir;
    }

    public String get(String key) {
        return values.getProperty(key, "");
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, not '" + get(key) + "'");
        }
    }

    /** A count that must be at least one (threads, a queue, a limit). */
    public int getPositiveInt(String key) {
        int value = getInt(key);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + key + " must be at least 1, not " + value);
        }
        return value;
    }

    public Duration minutes(String key) {
        return Duration.ofMinutes(getInt(key));
    }

    public Duration seconds(String key) {
        return Duration.ofSeconds(getInt(key));
    }

    public String host() {
        return get("host");
    }

    public int port() {
        return getInt("port");
    }

    /** The JDBC URL, or empty for the embedded H2 in the data folder. */
    public String dbUrl() {
        return get("db.url");
    }

    /** Where the daily backups go: {@code backup.dir}, else {@code backups} in the data folder. */
    public Path backupDir() {
        String dir = get("backup.dir").strip();
        return dir.isEmpty() ? dataDir.resolve("backups") : Path.of(dir);
    }

    /** The backup key file (ADR 12): {@code backup.key-file}, else {@code backup.key} in the data folder. */
    public Path backupKeyFile() {
        String file = get("backup.key-file").strip();
        return file.isEmpty() ? dataDir.resolve("backup.key") : Path.of(file);
    }

    /** Where clients reach this server, for URLs written into certificates; default {@code https://host:port}. */
    public String publicUrl() {
        String url = get("public-url").strip();
        return url.isEmpty() ? "https://" + host() + ":" + port() : url;
    }

    /**
     * Whether the DEMO CA and TSA run inside the server: {@code true}, {@code false}, or {@code auto}
     * (the default: on with the embedded database, the out-of-the-box setup, and in demo mode; off on
     * PostgreSQL otherwise).
     */
    public boolean demoCaEnabled() {
        String value = get("demo-ca.enabled").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            case "auto", "" -> dbUrl().isBlank() || demoMode();
            default -> throw new IllegalArgumentException("setting demo-ca.enabled must be true, false or auto, not '"
                    + get("demo-ca.enabled") + "'");
        };
    }

    /**
     * Demo mode ({@code serve --demo} sets {@code demo=true}): the demo companies and contracts are made on
     * first start, and the DEMO CA and TSA stand in for {@code trust.anchors} and {@code tsa.url} where
     * those are not set.
     */
    public boolean demoMode() {
        return Boolean.parseBoolean(get("demo").strip());
    }

    /**
     * What reading one PDF from outside may take ({@code limits.pdf-max-stream-bytes}, {@code limits.pdf-max-objects},
     * {@code limits.pdf-timeout-seconds}). Files may be twice the upload limit: signed and archived versions grow
     * past what was uploaded.
     */
    public PdfLimits pdfLimits() {
        long maxFile = Math.max(PdfLimits.DEFAULT.maxFileBytes(), 2L * getInt("limits.max-document-bytes"));
        return new PdfLimits(maxFile, getInt("limits.pdf-max-stream-bytes"), getInt("limits.pdf-max-objects"),
                Duration.ofSeconds(getInt("limits.pdf-timeout-seconds")));
    }

    public boolean isEmbeddedDatabase() {
        return dbUrl().isBlank() || dbUrl().startsWith("jdbc:h2:");
    }

    /** Built-in defaults; every key the server knows is listed here. */
    static final class Defaults {
        static final Map<String, String> VALUES = Map.ofEntries(
                Map.entry("host", "127.0.0.1"),
                Map.entry("port", "8443"),
                Map.entry("db.url", ""),
                Map.entry("db.user", ""),
                Map.entry("db.password", ""),
                Map.entry("db.pool-size", "8"),
                Map.entry("tls.keystore", ""),
                Map.entry("tls.keystore-password", ""),
                Map.entry("seal.keystore", ""),
                Map.entry("seal.keystore-password", ""),
                Map.entry("evidence.cache-mb", "64"),
                Map.entry("session.idle-minutes", "30"),
                Map.entry("session.absolute-minutes", "720"),
                Map.entry("login.max-failures", "5"),
                Map.entry("login.lock-minutes", "15"),
                Map.entry("login.address-max-failures", "50"),
                Map.entry("login.address-window-minutes", "15"),
                Map.entry("login.hash-threads", "auto"),
                Map.entry("login.hash-queue", "32"),
                Map.entry("password.min-length", "10"),
                Map.entry("limits.max-body-bytes", "1048576"),
                Map.entry("limits.max-document-bytes", "10485760"),
                Map.entry("limits.pdf-max-stream-bytes", "33554432"),
                Map.entry("limits.pdf-max-objects", "300000"),
                Map.entry("limits.pdf-timeout-seconds", "20"),
                Map.entry("limits.open-uploads-per-user", "12"),
                Map.entry("partnerships.invitation-days", "14"),
                Map.entry("partnerships.max-proposals-per-day", "20"),
                Map.entry("limits.open-upload-bytes-per-user", "104857600"),
                Map.entry("limits.body-read-timeout-seconds", "20"),
                Map.entry("http.worker-threads", "16"),
                Map.entry("http.shutdown-grace-seconds", "20"),
                Map.entry("http.trusted-proxies", ""),
                Map.entry("api.rate-per-minute", "120"),
                Map.entry("webhooks.trust-anchors", ""),
                Map.entry("jobs.webhook-seconds", "10"),
                Map.entry("jobs.expiry-seconds", "60"),
                Map.entry("jobs.sync-maintenance-minutes", "60"),
                Map.entry("jobs.session-purge-minutes", "60"),
                Map.entry("jobs.archive-renewal-minutes", "1440"),
                Map.entry("jobs.audit-anchor-minutes", "1440"),
                Map.entry("audit.retention-years", "10"),
                Map.entry("archive.renew-days-before", "365"),
                Map.entry("sync.tombstone-days", "180"),
                Map.entry("sync.command-log-days", "180"),
                Map.entry("sync.upload-days", "7"),
                Map.entry("trust.anchors", ""),
                Map.entry("tsa.url", ""),
                Map.entry("public-url", ""),
                Map.entry("client.min-version", ""),
                Map.entry("client.latest-version", ""),
                Map.entry("client.download-url", ""),
                Map.entry("demo-ca.enabled", "auto"),
                Map.entry("demo", "false"),
                Map.entry("limits.max-header-bytes", "16384"),
                Map.entry("backup.enabled", "true"),
                Map.entry("backup.dir", ""),
                Map.entry("backup.key-file", ""),
                Map.entry("backup.time", "02:30"),
                Map.entry("backup.full-every-days", "7"),
                Map.entry("backup.generations", "2"),
                Map.entry("backup.log-days", "365"),
                Map.entry("termination.grace-days", "90"),
                Map.entry("purge.enabled", "true"),
                Map.entry("purge.time", "03:30"),
                Map.entry("clock.max-skew-seconds", "5"),
                Map.entry("jobs.clock-check-minutes", "1440"),
                Map.entry("health.min-free-disk-mb", "1024"),
                Map.entry("log.keep-days", "365"),
                Map.entry("log.format", "text"),
                Map.entry("metrics.allow", "127.0.0.1/32, ::1/128"),
                Map.entry("jobs.lease-minutes", "120"));

        private Defaults() {
        }
    }
}
