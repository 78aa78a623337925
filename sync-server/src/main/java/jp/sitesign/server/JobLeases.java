package jp.sitesign.server;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/**
 * Scheduled jobs run once per period across all servers on one database (ADR 19): before a run, a server
 * claims the job's row in {@code job_runs} with one conditional UPDATE, which the database serialises on the
 * row. The claim succeeds when no run is under way and none started within the last nine tenths of the
 * period (servers started at different times run on different phases), or when the run under way has
 * outlived its lease — its server was killed — and is taken over. A run longer than the lease may be run
 * twice; every job is written to be safe then (each write checks what it changes).
 */
public final class JobLeases {
    private final Database db;
    private final Clock clock;
    private final Duration lease;
    /** This process, as the rows name it: host, pid and a random part (a pid is reused after a restart). */
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public JobLeases(Database db, Clock clock, Duration lease) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
    }

    public String holder() {
        return holder;
    }

    /** Whether this process is to run {@code job}'s run now; if so, {@link #finished} must follow. */
    public boolean claim(String job, Duration period) {
        Instant now = clock.instant();
        ensureRow(job);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_runs SET holder = ?, lease_until = ?,"
                    + " started_at = ? WHERE job = ? AND ((holder IS NULL AND (started_at IS NULL OR started_at <= ?))"
                    + " OR (holder IS NOT NULL AND lease_until < ?))")) {
                ps.setString(1, holder);
                Jdbc.setInstant(ps, 2, now.plus(lease));
                Jdbc.setInstant(ps, 3, now);
                ps.setString(4, job);
                Jdbc.setInstant(ps, 5, now.minus(period.multipliedBy(9).dividedBy(10)));
                Jdbc.setInstant(ps, 6, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The run ended (well or not): the job is free, and this period's run counts as done. */
    public void finished(String job) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_runs SET holder = NULL, lease_until = NULL,"
                    + " finished_at = ? WHERE job = ? AND holder = ?")) {
                Jdbc.setInstant(ps, 1, clock.instant());
                ps.setString(2, job);
                ps.setString(3, holder);
                return ps.executeUpdate();
            }
        });
    }

    /** The job's row, made by whichever server first runs it (a duplicate from a race is ignored). */
    private void ensureRow(String job) {
        boolean exists = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM job_runs WHERE job = ?")) {
                ps.setString(1, job);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (exists) {
            return;
        }
        try {
            db.inTransaction(c -> insert(c, job));
        } catch (RuntimeException e) {
            if (!duplicate(e)) {
                throw e;
            }
        }
    }

    private static int insert(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_runs (job) VALUES (?)")) {
            ps.setString(1, job);
            return ps.executeUpdate();
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
