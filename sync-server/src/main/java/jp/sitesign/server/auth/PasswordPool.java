package jp.sitesign.server.auth;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.server.http.DaemonThreads;
import jp.sitesign.server.http.RetryLater;

/**
 * The threads that hash passwords. PBKDF2 with 310,000 iterations costs about 80 ms of CPU, by design, so
 * work that hashes (login, password change, registration) runs here, on few threads with a bounded queue,
 * and the request waits without holding an HTTP worker. When the queue is full the work is refused at
 * once with 503 and a Retry-After estimated from the recent hashing times: a flood of logins slows logins
 * down, never the rest of the API.
 */
public final class PasswordPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final int threads;
    /** Recent time per task, smoothed; starts at the order of one PBKDF2 run. */
    private volatile long averageNanos = TimeUnit.MILLISECONDS.toNanos(100);

    public PasswordPool(int threads, int queueLimit) {
        this.threads = threads;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueLimit), DaemonThreads.named("sitesign-passwords"));
    }

    /** Runs work that hashes; throws {@link RetryLater} (503) at once when the queue is full. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> timed(work), executor);
        } catch (RejectedExecutionException e) {
            long waiting = executor.getQueue().size() + (long) threads;
            throw new RetryLater(ErrorCode.SERVER_BUSY, Duration.ofNanos(waiting * averageNanos / threads));
        }
    }

    private <T> T timed(Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            averageNanos = (averageNanos * 7 + System.nanoTime() - start) / 8;
        }
    }

    /** Tasks waiting for a thread (for tests and monitoring). */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Lets the work already accepted finish (a stopping server drains HTTP first, so little is left). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
