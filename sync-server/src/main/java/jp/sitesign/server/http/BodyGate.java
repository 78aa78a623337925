package jp.sitesign.server.http;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;

/**
 * Hands a request to a worker thread only once its whole body has arrived. Until then Grizzly collects the
 * body without any thread (its non-blocking reads), so clients that send a head and then stall cannot hold
 * the workers that everyone else needs; Jersey later reads the body from memory and never waits.
 *
 * <p>While it waits it enforces the {@link BodyLimit} (the declared Content-Length up front, the bytes of
 * a chunked body as they come) and the body-read timeout: a connection that delivers nothing for that long
 * is given up. A refused request still goes to the handler, which answers with {@link #refusal}.
 */
final class BodyGate implements RequestExecutorProvider, AutoCloseable {
    private static final String REFUSAL = BodyGate.class.getName() + ".refusal";
    private static final String WAITING = BodyGate.class.getName() + ".waiting";

    private final BodyLimit limit;
    private final long idleNanos;
    private final ScheduledExecutorService timer;

    BodyGate(BodyLimit limit, Duration idleTimeout) {
        this.limit = limit;
        this.idleNanos = idleTimeout.toNanos();
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("sitesign-body-timeouts"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    /** Why the request was refused before it ran (too large, too slow), or null when it may run. */
    static SiteSignException refusal(Request request) {
        return (SiteSignException) request.getAttribute(REFUSAL);
    }

    @Override
    public Executor getExecutor(Request request) {
        Executor workers = request.getContext().getConnection().getTransport().getWorkerThreadPool();
        if (request.getAttribute(WAITING) != null) {
            // Grizzly asks again for the thread of the body's read events: those run as usual.
            return workers;
        }
        long max = limit.maxFor(request.getContentType());
        NIOInputStream body = request.getNIOInputStream();
        if (request.getContentLengthLong() > max || body.readyData() > max) {
            request.setAttribute(REFUSAL, BodyLimit.tooLarge(max));
            return workers;
        }
        if (body.isFinished()) {
            return workers;
        }
        request.setAttribute(WAITING, Boolean.TRUE);
        // Listening starts on a worker, as in Grizzly's own pattern (a handler's service() on a worker thread
        // registering a ReadHandler): the selector thread is still inside the read that parsed the head.
        return service -> workers.execute(() -> new Arrival(request, body, max, service, workers).await());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * One request's body on its way in; exactly one outcome runs the request. Grizzly calls it back once:
     * when the body is complete, when it grows past the limit, or when the connection fails. Bytes arriving
     * meanwhile, and the client hanging up, are seen through the connection's probe.
     */
    private final class Arrival extends ConnectionProbe.Adapter implements ReadHandler {
        private final Request request;
        private final NIOInputStream body;
        private final long max;
        private final Runnable service;
        private final Executor workers;
        private final Connection<?> connection;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile long lastRead = System.nanoTime();
        private volatile ScheduledFuture<?> idleCheck;

        Arrival(Request request, NIOInputStream body, long max, Runnable service, Executor workers) {
            this.request = request;
            this.body = body;
            this.max = max;
            this.service = service;
            this.workers = workers;
            this.connection = request.getContext().getConnection();
        }

        void await() {
            connection.getMonitoringConfig().addProbes(this);
            checkIdleIn(idleNanos);
            // One registration only: re-registering from onDataAvailable while Grizzly was finishing the body
            // left keep-alive connections that never read their next request.
            body.notifyAvailable(this, (int) Math.min(max + 1, Integer.MAX_VALUE));
        }

        @Override
        public void onReadEvent(Connection connection, Buffer data, int size) {
            lastRead = System.nanoTime();
        }

        @Override
        public void onDataAvailable() {
            // Called only once more than the limit has arrived: a chunked body that is too large.
            settle(BodyLimit.tooLarge(max));
        }

        @Override
        public void onAllDataRead() {
            settle(null);
        }

        @Override
        public void onError(Throwable t) {
            connectionLost();
        }

        @Override
        public void onCloseEvent(Connection connection) {
            connectionLost();
        }

        /** Whatever the handler answers goes nowhere, but the request must end (and stop holding a stop). */
        private void connectionLost() {
            settle(HttpMessage.BODY_NOT_RECEIVED.exception());
        }

        private void checkIdleIn(long nanos) {
            idleCheck = timer.schedule(this::checkIdle, nanos, TimeUnit.NANOSECONDS);
        }

        private void checkIdle() {
            if (settled.get()) {
                return;
            }
            long idle = System.nanoTime() - lastRead;
            if (idle >= idleNanos) {
                settle(new SiteSignException(ErrorCode.REQUEST_TIMEOUT));
            } else {
                checkIdleIn(idleNanos - idle);
            }
        }

        private void settle(SiteSignException refusal) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            connection.getMonitoringConfig().removeProbes(this);
            ScheduledFuture<?> check = idleCheck;
            if (check != null) {
                check.cancel(false);
            }
            if (refusal != null) {
                request.setAttribute(REFUSAL, refusal);
            }
            // Never on the calling thread: it may be one of Grizzly's selector threads or the timer.
            workers.execute(service);
        }
    }
}
