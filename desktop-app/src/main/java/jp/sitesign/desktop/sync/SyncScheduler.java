package jp.sitesign.desktop.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jp.sitesign.model.error.SiteSignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine in the background, one sync at a time: at start (after login), every {@code interval},
 * and soon after {@link #trigger()} (every local command calls it). When the server cannot be reached it
 * retries with exponential backoff (1 s, 2 s, 4 s … up to {@code maxBackoff}), which is also how it notices
 * the network coming back; when the session is refused it waits for {@link SyncEngine#resume} and a trigger.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncEngine engine;
    private final Duration interval;
    private final Duration maxBackoff;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private Duration backoff = Duration.ZERO;
    private boolean waitingForLogin;
    private boolean running;
    private boolean again;

    public SyncScheduler(SyncEngine engine, Duration interval, Duration maxBackoff) {
        this.engine = engine;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitesign-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts with a sync now. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** Syncs soon: a local command was saved, or the user logged in again. */
    public synchronized void trigger() {
        waitingForLogin = false;
        backoff = Duration.ZERO;
        if (running) {
            again = true;
            return;
        }
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (next != null && next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis() && !next.isDone()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        synchronized (this) {
            running = true;
            again = false;
        }
        Duration after;
        try {
            engine.syncOnce();
            synchronized (this) {
                backoff = Duration.ZERO;
            }
            after = interval;
        } catch (OfflineException e) {
            synchronized (this) {
                backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), maxBackoff);
                after = backoff;
            }
            LOG.debug("sync offline, retrying in {}", after);
        } catch (SiteSignException e) {
            LOG.info("sync refused: {} {}", e.code(), e.messageEn());
            if (engine.state().loginRequired()) {
                synchronized (this) {
                    waitingForLogin = true;
                    running = false;
                    next = null;
                    if (again) {
                        schedule(Duration.ZERO);
                    }
                }
                return;
            }
            after = interval;
        } catch (RuntimeException e) {
            LOG.error("sync failed; retrying at the next interval", e);
            after = interval;
        }
        synchronized (this) {
            running = false;
            next = null;
            if (again) {
                schedule(Duration.ZERO);
            } else if (!waitingForLogin) {
                schedule(after);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
