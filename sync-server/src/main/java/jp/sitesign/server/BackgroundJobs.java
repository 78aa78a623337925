package jp.sitesign.server;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jp.sitesign.server.http.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic jobs on one thread. A run that fails is logged and the job runs again at its next
 * interval; stopping lets a run in progress finish (its database work included) before the database closes.
 * Jobs on the shared database run once per period across all servers ({@link JobLeases}); jobs about this
 * machine ({@link #everyHere}) run in every process.
 */
final class BackgroundJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledThreadPoolExecutor thread = quitting(new ScheduledThreadPoolExecutor(1,
            DaemonThreads.named("sitesign-jobs")));

    /** On stop, runs scheduled for later (the next daily backup) are dropped, not awaited. */
    private static ScheduledThreadPoolExecutor quitting(ScheduledThreadPoolExecutor executor) {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Told of every run: the job's name, whether it failed, how long it took (the metrics). */
    interface RunListener {
        void ran(String job, boolean failed, long nanos);
    }

    private final RunListener listener;
    private final JobLeases leases;

    BackgroundJobs(RunListener listener, JobLeases leases) {
        this.listener = listener;
        this.leases = leases;
    }

    /** Every {@code period}, by one of the servers on the database. */
    void every(String name, long first, long period, TimeUnit unit, Runnable job) {
        thread.scheduleWithFixedDelay(claimed(name, Duration.ofNanos(unit.toNanos(period)), logged(name, job)), first,
                period, unit);
    }

    /** Every {@code period} in this process (a check of this machine, such as its clock). */
    void everyHere(String name, long first, long period, TimeUnit unit, Runnable job) {
        thread.scheduleWithFixedDelay(logged(name, job), first, period, unit);
    }

    /** Runs {@code run} only when this process wins the period's claim; a skipped period is another server's. */
    private Runnable claimed(String name, Duration period, Runnable run) {
        return () -> {
            boolean mine;
            try {
                mine = leases.claim(name, period);
            } catch (RuntimeException e) {
                LOG.warn("the {} job could not be claimed (the database?); it is tried again next period: {}", name,
                        e.getMessage());
                return;
            }
            if (!mine) {
                return;
            }
            try {
                run.run();
            } finally {
                try {
                    leases.finished(name);
                } catch (RuntimeException e) {
                    LOG.warn("the {} job's claim could not be released; it lapses with its lease: {}", name,
                            e.getMessage());
                }
            }
        };
    }

    /** Once, after {@code delay}. */
    void once(String name, long delay, TimeUnit unit, Runnable job) {
        thread.schedule(logged(name, job), delay, unit);
    }

    /**
     * Every day at {@code hhmm} JST on {@code clock}: the next run is timed anew after each one, so a long
     * run does not push the following ones later.
     */
    void dailyAt(String name, String hhmm, java.time.Clock clock, Runnable job) {
        Runnable run = claimed(name, Duration.ofDays(1), logged(name, job));
        thread.schedule(new Runnable() {
            @Override
            public void run() {
                run.run();
                if (!thread.isShutdown()) {
                    thread.schedule(this, DailyAt.delayUntil(hhmm, clock), TimeUnit.MILLISECONDS);
                }
            }
        }, DailyAt.delayUntil(hhmm, clock), TimeUnit.MILLISECONDS);
    }

    private Runnable logged(String name, Runnable job) {
        return () -> {
            long started = System.nanoTime();
            boolean failed = false;
            try {
                job.run();
            } catch (RuntimeException e) {
                failed = true;
                LOG.error("the {} job failed; it runs again at its next interval", name, e);
            } finally {
                listener.ran(name, failed, System.nanoTime() - started);
            }
        };
    }

    /** No new run starts; a run in progress gets up to {@code grace} to finish, then is interrupted. */
    void stop(Duration grace) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a background job did not finish in time; it is interrupted");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
