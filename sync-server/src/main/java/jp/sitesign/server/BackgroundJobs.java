package jp.sitesign.server;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic jobs on one thread. A run that fails is logged and the job runs again at its next
 * interval; stopping lets a run in progress finish (its database work included) before the database closes.
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

    BackgroundJobs(RunListener listener) {
        this.listener = listener;
    }

    BackgroundJobs() {
        this((job, failed, nanos) -> { });
    }

    void every(String name, long first, long period, TimeUnit unit, Runnable job) {
        thread.scheduleWithFixedDelay(logged(name, job), first, period, unit);
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
        Runnable run = logged(name, job);
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
