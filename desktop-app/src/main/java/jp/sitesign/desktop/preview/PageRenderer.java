package jp.sitesign.desktop.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The one thread that opens and draws PDFs, so the UI thread never waits for PDFBox and the
 * non-thread-safe document is only ever touched here. Requests are not served in arrival order: each time
 * the thread is free it takes, first, a quick low-resolution draft of the page the user is looking at when
 * one was asked for ({@link Kind#QUICK}); then that page ({@link #focus}); then the pages next to it
 * (prefetch); then thumbnails, newest first. Drafts for any other page are dropped. Page requests that are no longer near the focus
 * (the user flipped on quickly) are dropped instead of drawn. Drawn pages go to a byte-bounded cache.
 */
public final class PageRenderer implements AutoCloseable {
    /** Pages after and before the focus that are kept in the queue and worth drawing ahead. */
    public static final int AHEAD = 2;
    public static final int BEHIND = 1;

    /**
     * What a request is for, in the order they are served: a quick draft of the focus page at a lower
     * scale, shown enlarged until the page itself is drawn; a page at the scale shown; a thumbnail, never
     * dropped for being far from the focus.
     */
    public enum Kind { QUICK, PAGE, THUMBNAIL }

    /** An opened document: its generation tags every request and cached page for it. */
    public record DocumentInfo(long generation, List<PageSize> pages) {
        public DocumentInfo {
            pages = List.copyOf(pages);
        }
    }

    private record Focus(long generation, int pageIndex, int scaleKey) {
    }

    private static final class PageTask {
        final PageCache.Key key;
        final Kind kind;
        final long order;
        final CompletableFuture<RenderedPage> result = new CompletableFuture<>();

        PageTask(PageCache.Key key, Kind kind, long order) {
            this.key = key;
            this.kind = kind;
            this.order = order;
        }
    }

    private final PageSource.Opener opener;
    private final PageCache cache;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> control = new ArrayDeque<>();
    private final Map<PageCache.Key, PageTask> queued = new HashMap<>();
    private final Thread worker;
    private long generation;
    private long order;
    private Focus focus;
    private boolean closed;
    /** Touched by the render thread only. */
    private PageSource source;
    private long sourceGeneration = -1;

    public PageRenderer(PageSource.Opener opener, long cacheBytes) {
        this.opener = opener;
        this.cache = new PageCache(cacheBytes);
        this.worker = new Thread(this::work, "sitesign-pdf-render");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A renderer drawing with PDFBox, its cache an eighth of the heap up to 48 MiB (≈ 8 pages at fit width
     * with the thumbnails): enough for the pages around the one shown and those visited last, while the
     * app stays within its memory goal (BENCHMARKS.md) under the heap limit in {@code desktop-app/jvm.options}.
     */
    public static PageRenderer withPdfBox() {
        long budget = Math.min(48L << 20, Runtime.getRuntime().maxMemory() / 8);
        return new PageRenderer(PdfBoxPageSource::open, budget);
    }

    /** Runs one-off work (warm-up) on the render thread ahead of any page. */
    public void runOnRenderThread(IoAction action) {
        enqueueControl(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                // A failed warm-up only means the first page pays the start-up cost; the page reports real errors.
                System.err.println("SiteSign: PDF warm-up failed: " + e);
            }
        });
    }

    /** Work that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    /**
     * Opens {@code pdf} in place of the current document; requests for earlier documents are dropped and
     * their cached pages forgotten.
     */
    public CompletableFuture<DocumentInfo> open(Path pdf) {
        CompletableFuture<DocumentInfo> opened = new CompletableFuture<>();
        long gen;
        synchronized (lock) {
            gen = ++generation;
            focus = null;
            dropQueued(task -> true);
        }
        cache.retainOnly(gen);
        enqueueControl(() -> {
            if (gen != currentGeneration()) {
                opened.cancel(false);
                return;
            }
            closeSource();
            try {
                PageSource s = opener.open(pdf);
                List<PageSize> sizes = new ArrayList<>(s.pageCount());
                for (int i = 0; i < s.pageCount(); i++) {
                    sizes.add(s.pageSize(i));
                }
                source = s;
                sourceGeneration = gen;
                opened.complete(new DocumentInfo(gen, sizes));
            } catch (IOException | RuntimeException e) {
                opened.completeExceptionally(e);
            }
        });
        return opened;
    }

    /** The page the user is looking at now, at the scale it is shown; steers the queue (see class). */
    public void focus(long generation, int pageIndex, int scaleKey) {
        synchronized (lock) {
            focus = new Focus(generation, pageIndex, scaleKey);
            lock.notifyAll();
        }
    }

    /** The page if it is already drawn, without waiting. */
    public Optional<RenderedPage> cached(long generation, int pageIndex, int scaleKey) {
        return Optional.ofNullable(cache.get(new PageCache.Key(generation, pageIndex, scaleKey)));
    }

    /**
     * Asks for a page; completes on the render thread with the drawing, or is cancelled when the request
     * was dropped (another document, or a page far from the focus).
     */
    public CompletableFuture<RenderedPage> request(long generation, int pageIndex, int scaleKey, Kind kind) {
        PageCache.Key key = new PageCache.Key(generation, pageIndex, scaleKey);
        RenderedPage hit = cache.get(key);
        if (hit != null) {
            return CompletableFuture.completedFuture(hit);
        }
        synchronized (lock) {
            if (closed || generation != this.generation) {
                return CompletableFuture.failedFuture(new CancellationException("not the open document"));
            }
            PageTask existing = queued.get(key);
            if (existing != null) {
                return existing.result;
            }
            PageTask task = new PageTask(key, kind, ++order);
            queued.put(key, task);
            lock.notifyAll();
            return task.result;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            dropQueued(task -> true);
            lock.notifyAll();
        }
    }

    /** For tests and the benchmark: how many bytes of pixels the cache holds. */
    long cachedBytes() {
        return cache.bytes();
    }

    private long currentGeneration() {
        synchronized (lock) {
            return generation;
        }
    }

    private void enqueueControl(Runnable r) {
        synchronized (lock) {
            control.add(r);
            lock.notifyAll();
        }
    }

    private void work() {
        try {
            while (true) {
                Runnable next;
                synchronized (lock) {
                    next = null;
                    while (!closed && (next = control.poll()) == null && (next = nextPage()) == null) {
                        lock.wait();
                    }
                    if (closed) {
                        break;
                    }
                }
                next.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSource();
        }
    }

    /** Picks the most wanted queued page (class comment) and drops the unwanted ones; under the lock. */
    private Runnable nextPage() {
        if (queued.isEmpty()) {
            return null;
        }
        Focus f = focus;
        dropQueued(task -> task.kind != Kind.THUMBNAIL && f != null && distance(task, f) == Integer.MAX_VALUE);
        Comparator<PageTask> wanted = Comparator
                .<PageTask>comparingInt(task -> task.kind.ordinal())
                .thenComparingInt(task -> f == null ? 0 : distance(task, f))
                .thenComparingLong(task -> task.kind == Kind.PAGE ? task.order : -task.order);
        PageTask best = queued.values().stream().min(wanted).orElse(null);
        if (best == null) {
            return null;
        }
        queued.remove(best.key);
        return () -> draw(best);
    }

    /** 0 for the focus page, then 1, 2, … ahead before behind; MAX_VALUE when not worth drawing. */
    private static int distance(PageTask task, Focus f) {
        if (task.kind == Kind.THUMBNAIL) {
            return 0;
        }
        if (task.kind == Kind.QUICK) {
            return task.key.generation() == f.generation() && task.key.pageIndex() == f.pageIndex()
                    ? 0 : Integer.MAX_VALUE;
        }
        if (task.key.generation() != f.generation() || task.key.scaleKey() != f.scaleKey()) {
            return Integer.MAX_VALUE;
        }
        int d = task.key.pageIndex() - f.pageIndex();
        if (d >= 0 && d <= AHEAD) {
            return 2 * d;
        }
        if (d < 0 && -d <= BEHIND) {
            return -2 * d + 1;
        }
        return Integer.MAX_VALUE;
    }

    private void dropQueued(java.util.function.Predicate<PageTask> which) {
        Iterator<PageTask> it = queued.values().iterator();
        while (it.hasNext()) {
            PageTask task = it.next();
            if (which.test(task)) {
                it.remove();
                task.result.cancel(false);
            }
        }
    }

    private void draw(PageTask task) {
        if (source == null || sourceGeneration != task.key.generation()) {
            task.result.cancel(false);
            return;
        }
        try {
            RenderedPage page = source.render(task.key.pageIndex(), task.key.scaleKey());
            cache.put(task.key, page);
            task.result.complete(page);
        } catch (IOException | RuntimeException e) {
            task.result.completeExceptionally(e);
        }
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                System.err.println("SiteSign: closing a PDF failed: " + e);
            }
            source = null;
            sourceGeneration = -1;
        }
    }
}
