package jp.sitesign.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.sitesign.server.config.ServerConfig;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema. The embedded default is an H2 file in the data folder opened with
 * {@code CIPHER=AES} (its file password derived from the master key); {@code db.url} moves the server to
 * PostgreSQL. Both get the same Flyway migrations. A transaction that returns has committed durably on
 * both: PostgreSQL's commit is, and H2's is made so by {@link H2Durability} (ADR 11).
 */
public final class Database implements AutoCloseable {
    /** The connection of the transaction running on this thread, if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public static final String H2_FILE = "sitesign";

    private final HikariDataSource pool;
    private final boolean postgres;
    /** For H2 only; PostgreSQL's own commit is durable. */
    private final H2Durability h2;
    /** Set once when opened: the version of this build's newest migration. */
    private volatile String newestMigration;

    private Database(HikariDataSource pool, boolean postgres, boolean h2) {
        this.pool = pool;
        this.postgres = postgres;
        this.h2 = h2 ? new H2Durability() : null;
    }

    public static Database open(ServerConfig config, MasterKey masterKey) {
        return open(config, masterKey, null);
    }

    /**
     * Opens the database with its schema migrated to {@code schemaVersion} (null: the newest): a restore
     * loads a backup's rows into the schema they were taken from, then migrates.
     */
    public static Database open(ServerConfig config, MasterKey masterKey, String schemaVersion) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("sitesign");
        hikari.setMaximumPoolSize(config.getInt("db.pool-size"));
        hikari.setAutoCommit(true);
        String url = config.dbUrl();
        if (url.isBlank()) {
            hikari.setJdbcUrl(h2Url(config));
            hikari.setUsername("sitesign");
            // H2 with CIPHER takes "<file password> <user password>".
            hikari.setPassword(masterKey.derivePassword("h2-file") + " " + masterKey.derivePassword("h2-user"));
        } else {
            hikari.setJdbcUrl(url);
            hikari.setUsername(config.get("db.user"));
            hikari.setPassword(config.get("db.password"));
        }
        HikariDataSource pool = url.isBlank() ? openEmbedded(hikari, config) : new HikariDataSource(hikari);
        Database db = new Database(pool, url.startsWith("jdbc:postgresql:"), config.isEmbeddedDatabase());
        try {
            db.migrate(schemaVersion);
            db.newestMigration = java.util.Arrays.stream(db.flyway(null).info().all())
                    .map(m -> m.getVersion()).filter(java.util.Objects::nonNull).max(Comparable::compareTo)
                    .map(v -> v.getVersion()).orElse(null);
            db.inTransaction(c -> null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    /**
     * The embedded file opens only with passwords derived from the folder's master key: a wrong
     * {@code master.key} is named as such instead of H2's "wrong user name or password".
     */
    private static HikariDataSource openEmbedded(HikariConfig hikari, ServerConfig config) {
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && (sql.getErrorCode() == 28000 || sql.getErrorCode() == 90049)) {
                    throw StorageMessage.WRONG_MASTER_KEY.exception(config.dataDir().resolve(MasterKey.FILE_NAME));
                }
            }
            throw e;
        }
    }

    /** Whether the configured external database already holds SiteSign's schema (a restore refuses it). */
    public static boolean hasSchema(ServerConfig config) {
        try (Connection c = java.sql.DriverManager.getConnection(config.dbUrl(), config.get("db.user"),
                config.get("db.password"));
                java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (name.equals("companies") || name.equals("flyway_schema_history")) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Migrates the schema to {@code version} (null: the newest). */
    public void migrate(String version) {
        flyway(version).migrate();
    }

    /** The schema's current migration version, e.g. "8". */
    public String schemaVersion() {
        return flyway(null).info().current().getVersion().getVersion();
    }

    /**
     * The schema as Flyway's history table records it, against the newest migration this build carries:
     * one cheap query, for the readiness check (a server whose schema another release moved on, or whose
     * migration failed halfway, must not take requests).
     */
    public SchemaState schemaState() {
        return read(c -> {
            String applied = null;
            boolean failed = false;
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                            + " ORDER BY installed_rank DESC")) {
                if (rs.next()) {
                    applied = rs.getString(1);
                    failed = !rs.getBoolean(2);
                }
            }
            return new SchemaState(newestMigration, applied, failed);
        });
    }

    /** The newest migration this build carries, the newest applied one, and whether that one failed. */
    public record SchemaState(String expected, String applied, boolean failed) {
    }

    private Flyway flyway(String target) {
        var configure = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
        if (target != null) {
            configure.target(target);
        }
        return configure.load();
    }

    private static String h2Url(ServerConfig config) {
        String path = config.dataDir().toAbsolutePath().resolve(H2_FILE).toString().replace('\\', '/');
        // RETENTION_TIME: how long H2 keeps a chunk it no longer needs before reusing its space, on the
        // assumption that the OS flushes its buffers within that time. Every commit is forced to the device
        // here (H2Durability), so a second suffices; H2's 45 s let the file grow by 45 s of commits under load.
        return "jdbc:h2:file:" + path + ";CIPHER=AES;RETENTION_TIME=1000;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
    }

    /** The pool reports its connections, waits and timeouts to {@code registry} (HikariCP's own tracker). */
    public void measuredBy(io.micrometer.core.instrument.MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Called inside
     * another transaction on the same thread, it joins that one, so a caller can make several services'
     * writes (and the sync command log entry recording them) commit or vanish together.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StorageException(e);
            }
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                if (h2 != null) {
                    h2.persist(c);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Runs work in a transaction of its own even inside another one: for records that must outlive the
     * surrounding transaction's rollback (a refused action's audit entry).
     */
    public <T> T inNewTransaction(SqlWork<T> work) {
        Connection outer = current.get();
        current.remove();
        try {
            return inTransaction(work);
        } finally {
            if (outer != null) {
                current.set(outer);
            }
        }
    }

    /**
     * Runs read-only work on a pooled connection in auto-commit mode, or inside the thread's transaction
     * when there is one (so it sees that transaction's own writes).
     */
    public <T> T read(SqlWork<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Runs read-only work in one snapshot: every read sees the database as it was at the first one, whatever
     * commits meanwhile — a backup taken under concurrent writes (PostgreSQL's REPEATABLE READ, H2's SNAPSHOT).
     */
    public <T> T inSnapshot(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            if (postgres) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } else {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
                if (!postgres) {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    }
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
