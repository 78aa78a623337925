package jp.sitesign.desktop.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * A real PDFBox source that notes which thread drew which page, and can hold drawing until a test lets
 * it go (to look at the UI while the render thread is busy).
 */
final class RecordingSource implements PageSource {
    record Drawing(int pageIndex, int scaleKey, Thread thread) {
    }

    /** Everything drawn by sources this opener made. */
    static final class Opener implements PageSource.Opener {
        final List<Drawing> drawings = new CopyOnWriteArrayList<>();
        final List<Thread> openedOn = new CopyOnWriteArrayList<>();
        private final Semaphore permits = new Semaphore(0);
        private final Semaphore waiting = new Semaphore(0);
        private volatile boolean held;

        @Override
        public PageSource open(Path pdf) throws IOException {
            openedOn.add(Thread.currentThread());
            return new RecordingSource(PdfBoxPageSource.open(pdf), this);
        }

        /** From now on each drawing waits for a {@link #release} permit. */
        void hold() {
            permits.drainPermits();
            held = true;
        }

        void release(int drawings) {
            permits.release(drawings);
        }

        /** Waits until a drawing is waiting for its permit, i.e. the render thread has taken a page and is busy. */
        void awaitWaitingDrawing() throws InterruptedException {
            if (!waiting.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("no drawing started within 30 s");
            }
        }

        void releaseAll() {
            held = false;
            permits.release(1000);
        }

        List<Integer> pagesDrawnAt(int scaleKey) {
            return drawings.stream().filter(d -> d.scaleKey() == scaleKey).map(Drawing::pageIndex).toList();
        }
    }

    private final PdfBoxPageSource delegate;
    private final Opener opener;

    private RecordingSource(PdfBoxPageSource delegate, Opener opener) {
        this.delegate = delegate;
        this.opener = opener;
    }

    @Override
    public int pageCount() {
        return delegate.pageCount();
    }

    @Override
    public PageSize pageSize(int pageIndex) {
        return delegate.pageSize(pageIndex);
    }

    @Override
    public RenderedPage render(int pageIndex, int scaleKey) throws IOException {
        try {
            if (opener.held) {
                opener.waiting.release();
                opener.permits.acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        RenderedPage page = delegate.render(pageIndex, scaleKey);
        opener.drawings.add(new Drawing(pageIndex, scaleKey, Thread.currentThread()));
        return page;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
