package jp.sitesign.server.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the server's own pools: named, so a thread dump says whose they are, and daemons, so a pool
 * someone forgot to stop never keeps the JVM alive (stopping is still each owner's job).
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads called {@code name-1}, {@code name-2}, … */
    public static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
