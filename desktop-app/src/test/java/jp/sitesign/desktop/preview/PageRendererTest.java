package jp.sitesign.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render thread's order of work, on real PDFBox drawings. */
class PageRendererTest {
    private static final int SCALE = 500;
    @TempDir
    static Path dir;
    static Path pdf;

    private final RecordingSource.Opener opener = new RecordingSource.Opener();
    private final PageRenderer renderer = new PageRenderer(opener, 256L << 20);

    @BeforeAll
    static void document() {
        pdf = TestDocuments.pages(dir, 20);
    }

    @AfterEach
    void stop() {
        opener.releaseAll();
        renderer.close();
    }

    @Test
    void theFocusPageIsDrawnBeforePagesAskedForEarlierAndFarPagesAreDropped() throws Exception {
        long gen = renderer.open(pdf).get(30, TimeUnit.SECONDS).generation();
        opener.hold();
        renderer.focus(gen, 0, SCALE);
        CompletableFuture<RenderedPage> first = renderer.request(gen, 0, SCALE, PageRenderer.Kind.PAGE);
        // The render thread is drawing page 0 before the rest is asked for; otherwise, woken late on a busy machine,
        // it would rightly drop pages 11-13 as far from a focus that has not moved yet.
        opener.awaitWaitingDrawing();
        CompletableFuture<RenderedPage> farAway = renderer.request(gen, 5, SCALE, PageRenderer.Kind.PAGE);
        CompletableFuture<RenderedPage> thumbnail = renderer.request(gen, 5, 100, PageRenderer.Kind.THUMBNAIL);
        CompletableFuture<RenderedPage> behind = renderer.request(gen, 11, SCALE, PageRenderer.Kind.PAGE);
        CompletableFuture<RenderedPage> ahead = renderer.request(gen, 13, SCALE, PageRenderer.Kind.PAGE);
        CompletableFuture<RenderedPage> wanted = renderer.request(gen, 12, SCALE, PageRenderer.Kind.PAGE);
        renderer.focus(gen, 12, SCALE);
        opener.releaseAll();

        assertThat(wanted.get(30, TimeUnit.SECONDS).pageIndex()).isEqualTo(12);
        ahead.get(30, TimeUnit.SECONDS);
        behind.get(30, TimeUnit.SECONDS);
        thumbnail.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> farAway.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        // Page 0 may already have been on the render thread when the focus moved; everything after obeys it.
        assertThat(opener.pagesDrawnAt(SCALE)).containsSubsequence(12, 13, 11).doesNotContain(5);
        assertThat(opener.pagesDrawnAt(100)).containsExactly(5);
        assertThat(first.isDone()).isTrue();
    }

    @Test
    void aDrawnPageIsServedFromTheCacheWithoutDrawingItAgain() throws Exception {
        long gen = renderer.open(pdf).get(30, TimeUnit.SECONDS).generation();
        renderer.focus(gen, 3, SCALE);
        RenderedPage drawn = renderer.request(gen, 3, SCALE, PageRenderer.Kind.PAGE).get(30, TimeUnit.SECONDS);

        assertThat(renderer.cached(gen, 3, SCALE)).containsSame(drawn);
        assertThat(renderer.request(gen, 3, SCALE, PageRenderer.Kind.PAGE).getNow(null)).isSameAs(drawn);
        assertThat(opener.pagesDrawnAt(SCALE)).containsExactly(3);
        assertThat(renderer.cachedBytes()).isEqualTo(drawn.bytes());
    }

    @Test
    void openingAnotherDocumentDropsWhatWasAskedOfTheFirst() throws Exception {
        long gen = renderer.open(pdf).get(30, TimeUnit.SECONDS).generation();
        opener.hold();
        renderer.focus(gen, 0, SCALE);
        CompletableFuture<RenderedPage> beingDrawn = renderer.request(gen, 0, SCALE, PageRenderer.Kind.PAGE);
        CompletableFuture<RenderedPage> queued = renderer.request(gen, 1, SCALE, PageRenderer.Kind.PAGE);

        CompletableFuture<PageRenderer.DocumentInfo> second = renderer.open(TestDocuments.pages(dir, 2));
        opener.releaseAll();

        assertThat(second.get(30, TimeUnit.SECONDS).pages()).hasSize(2);
        assertThat(second.get().generation()).isGreaterThan(gen);
        assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(renderer.cached(gen, 1, SCALE)).isEmpty();
        assertThat(renderer.request(gen, 1, SCALE, PageRenderer.Kind.PAGE)).isCompletedExceptionally();
        try {
            beingDrawn.get(30, TimeUnit.SECONDS);
        } catch (CancellationException | ExecutionException e) {
            // either outcome is fine for the page that was on the render thread at the time
        }
    }

    @Test
    void aDamagedPdfFailsToOpenWithTheReason() throws Exception {
        Path broken = java.nio.file.Files.write(dir.resolve("broken.pdf"), new byte[] {'%', 'P', 'D', 'F', '-', '1'});

        assertThatThrownBy(() -> renderer.open(broken).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(java.io.IOException.class);
    }
}
