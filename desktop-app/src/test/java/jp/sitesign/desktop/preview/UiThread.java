package jp.sitesign.desktop.preview;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the JavaFX thread in plain JUnit tests: one thread runs every view-model call and every
 * result the renderer hands back, as {@code Platform.runLater} would.
 */
final class UiThread implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    java.util.concurrent.Executor executor() {
        return executor;
    }

    <T> T call(Callable<T> work) throws Exception {
        return executor.submit(work).get(30, TimeUnit.SECONDS);
    }

    void run(Runnable work) throws Exception {
        executor.submit(work).get(30, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on this thread, holds; fails after 30 s (a hang, not a timing). */
    void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                fail("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }

    static boolean isUiThread(Thread t) {
        return "test-ui".equals(t.getName());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
