package jp.sitesign.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's view model on real PDFBox drawings of generated PDFs, without the JavaFX toolkit. */
class PreviewViewModelTest {
    @TempDir
    static Path dir;
    static Path fiftyPages;

    private final RecordingSource.Opener opener = new RecordingSource.Opener();
    private UiThread ui;
    private PageRenderer renderer;
    private PreviewViewModel vm;

    @BeforeAll
    static void documents() {
        fiftyPages = TestDocuments.pages(dir, 50);
    }

    @BeforeEach
    void start() throws Exception {
        ui = new UiThread();
        renderer = new PageRenderer(opener, 256L << 20);
        vm = new PreviewViewModel(renderer, ui.executor(), I18n.bundle(Language.JA));
        ui.run(() -> vm.viewportWidthProperty().set(800));
    }

    @AfterEach
    void stop() {
        opener.releaseAll();
        renderer.close();
        ui.close();
    }

    @Test
    void openingShowsPageOneDrawnOnTheRenderThreadAndNotOnTheUiThread() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();

        assertThat(ui.call(() -> vm.pageLabelProperty().get())).isEqualTo("1 / 50");
        assertThat(ui.call(() -> vm.shownPageProperty().get().pageIndex())).isZero();
        assertThat(ui.call(() -> vm.loadingProperty().get())).isFalse();
        assertThat(ui.call(() -> vm.documentNameProperty().get())).isEqualTo("50-pages.pdf");
        assertThat(opener.drawings).isNotEmpty().noneMatch(d -> UiThread.isUiThread(d.thread()));
        assertThat(opener.openedOn).noneMatch(UiThread::isUiThread);
    }

    @Test
    void theNextPageIsDrawnAheadSoTurningToItShowsItAtOnce() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        int scale = ui.call(() -> vm.shownPageProperty().get().scaleKey());
        ui.await(() -> opener.pagesDrawnAt(scale).containsAll(java.util.List.of(1, 2)));

        // Within one call on the UI thread, without waiting for any drawing:
        int shownRightAfterTurning = ui.call(() -> {
            vm.nextPage();
            return vm.shownPageProperty().get().pageIndex();
        });

        assertThat(shownRightAfterTurning).isEqualTo(1);
        assertThat(opener.pagesDrawnAt(scale)).containsOnlyOnce(1);
    }

    @Test
    void theWantedPageChangesAtOnceWhileItsDrawingIsStillBeingMade() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        opener.hold();

        ui.run(vm::lastPage);

        assertThat(ui.call(() -> vm.pageLabelProperty().get())).isEqualTo("50 / 50");
        assertThat(ui.call(() -> vm.loadingProperty().get())).isTrue();
        assertThat(ui.call(() -> vm.shownPageProperty().get().pageIndex())).as("the old drawing stays").isZero();
        opener.releaseAll();
        ui.await(() -> vm.shownPageProperty().get().pageIndex() == 49 && !vm.loadingProperty().get());
    }

    @Test
    void aJumpToAPageNotDrawnYetShowsAQuickDraftFirstThenTheSharpPage() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        int scale = ui.call(() -> vm.shownPageProperty().get().scaleKey());
        ui.await(() -> opener.pagesDrawnAt(scale).containsAll(java.util.List.of(1, 2)));
        opener.hold();

        ui.run(() -> vm.goTo(30));
        opener.release(1); // one drawing: the draft goes before the page itself

        ui.await(() -> vm.shownPageProperty().get().pageIndex() == 30);
        RenderedPage draft = ui.call(() -> vm.shownPageProperty().get());
        assertThat(draft.scaleKey()).isCloseTo(scale / PreviewViewModel.DRAFT_DIVISOR,
                org.assertj.core.data.Offset.offset(1));
        assertThat(ui.call(() -> vm.loadingProperty().get())).as("still drawing the sharp page").isTrue();
        opener.releaseAll();
        ui.await(() -> vm.shownPageProperty().get().scaleKey() == scale && !vm.loadingProperty().get());
        assertThat(ui.call(() -> vm.shownPageProperty().get().pageIndex())).isEqualTo(30);
    }

    @Test
    void flippingQuicklyDrawsThePageLandedOnNotEveryPagePassed() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        int scale = ui.call(() -> vm.shownPageProperty().get().scaleKey());
        ui.await(() -> opener.pagesDrawnAt(scale).size() >= 3);
        opener.hold();

        ui.run(() -> {
            for (int i = 0; i < 20; i++) {
                vm.nextPage();
            }
        });
        opener.releaseAll();
        ui.await(() -> vm.shownPageProperty().get().pageIndex() == 20 && !vm.loadingProperty().get());

        assertThat(opener.pagesDrawnAt(scale)).contains(20).doesNotContain(10, 11, 12, 13, 14, 15);
    }

    @Test
    void fitWidthFillsTheViewportAndZoomStepsLeaveIt() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();

        double a4WidthPt = 595.28;
        assertThat(ui.call(() -> vm.pageDisplayWidthProperty().get()))
                .isCloseTo(800 - PreviewViewModel.FIT_MARGIN, org.assertj.core.data.Offset.offset(0.5));
        assertThat(ui.call(() -> vm.shownPageProperty().get().width()))
                .isCloseTo((int) Math.round((800 - PreviewViewModel.FIT_MARGIN)), org.assertj.core.data.Offset.offset(2));

        ui.run(vm::zoomIn); // from 97 % (fit) to the next step
        assertThat(ui.call(() -> vm.fitWidthProperty().get())).isFalse();
        assertThat(ui.call(() -> vm.zoomProperty().get())).isEqualTo(1.0);
        ui.run(vm::zoomIn);
        assertThat(ui.call(() -> vm.zoomProperty().get())).isEqualTo(1.25);
        assertThat(ui.call(() -> vm.zoomLabelProperty().get())).isEqualTo("125 %");
        ui.await(() -> Math.abs(vm.shownPageProperty().get().width() - a4WidthPt * 96 / 72 * 1.25) <= 1
                && !vm.loadingProperty().get());

        ui.run(() -> vm.viewportWidthProperty().set(500));
        assertThat(ui.call(() -> vm.zoomProperty().get())).as("a manual zoom ignores the window size").isEqualTo(1.25);
        ui.run(() -> vm.fitWidthProperty().set(true));
        assertThat(ui.call(() -> vm.pageDisplayWidthProperty().get()))
                .isCloseTo(500 - PreviewViewModel.FIT_MARGIN, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aHugePageAtTheHighestZoomIsDrawnWithinThePixelCapAndShownEnlarged() throws Exception {
        Path a0 = dir.resolve("a0.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A0));
            doc.save(a0.toFile());
        }
        ui.run(() -> vm.outputScaleProperty().set(2.0)); // a high-density screen
        ui.run(() -> vm.open(a0));
        awaitSharpPage();
        for (int i = 0; i < PreviewViewModel.ZOOM_STEPS.length; i++) {
            ui.run(vm::zoomIn);
        }
        assertThat(ui.call(() -> vm.zoomProperty().get())).isEqualTo(4.0);
        ui.await(() -> vm.shownPageProperty().get() != null && !vm.loadingProperty().get()
                && vm.shownPageProperty().get().width() > 2000);

        RenderedPage page = ui.call(() -> vm.shownPageProperty().get());
        long pixels = (long) page.width() * page.height();
        assertThat(pixels).as("uncapped it would be %d pixels", (long) (2384 * 3370 * Math.pow(96.0 / 72 * 4 * 2, 2)))
                .isLessThanOrEqualTo((long) PreviewViewModel.MAX_PAGE_PIXELS).isGreaterThan(12_000_000);
        assertThat(ui.call(() -> vm.pageDisplayWidthProperty().get())).as("shown at the zoom asked for")
                .isCloseTo(2384 * 96.0 / 72 * 4, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void pagingStopsAtTheFirstAndLastPage() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();

        assertThat(ui.call(() -> vm.canGoBack().get())).isFalse();
        ui.run(vm::previousPage);
        assertThat(ui.call(() -> vm.currentPageProperty().get())).isZero();
        ui.run(vm::lastPage);
        ui.run(vm::nextPage);
        assertThat(ui.call(() -> vm.currentPageProperty().get())).isEqualTo(49);
        assertThat(ui.call(() -> vm.canGoForward().get())).isFalse();
        assertThat(ui.call(() -> vm.canGoBack().get())).isTrue();
    }

    @Test
    void thumbnailsAreSmallDrawingsOfTheirPage() throws Exception {
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        java.util.concurrent.CompletableFuture<RenderedPage> thumb = new java.util.concurrent.CompletableFuture<>();

        ui.run(() -> vm.requestThumbnail(7, thumb::complete));

        RenderedPage page = thumb.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(page.pageIndex()).isEqualTo(7);
        assertThat(page.width()).isCloseTo((int) PreviewViewModel.THUMBNAIL_WIDTH, org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void aFileThatIsNotAPdfSaysSoInJapanese() throws Exception {
        Path notPdf = Files.writeString(dir.resolve("notes.pdf"), "これはPDFではありません");

        ui.run(() -> vm.open(notPdf));
        ui.await(() -> !vm.errorProperty().get().isEmpty());

        assertThat(ui.call(() -> vm.errorProperty().get())).startsWith("PDFを開けませんでした");
        assertThat(ui.call(() -> vm.pageCountProperty().get())).isZero();
        assertThat(ui.call(() -> vm.loadingProperty().get())).isFalse();
    }

    @Test
    void openingAnotherDocumentReplacesTheFirst() throws Exception {
        Path threePages = TestDocuments.pages(dir, 3);
        ui.run(() -> vm.open(fiftyPages));
        awaitSharpPage();
        ui.run(vm::lastPage);

        ui.run(() -> vm.open(threePages));
        ui.await(() -> vm.pageCountProperty().get() == 3 && vm.shownPageProperty().get() != null
                && !vm.loadingProperty().get());

        assertThat(ui.call(() -> vm.pageLabelProperty().get())).isEqualTo("1 / 3");
        assertThat(ui.call(() -> vm.shownPageProperty().get().pageIndex())).isZero();
    }

    /** Waits until a page is shown at the scale it is wanted at (not its quick draft). */
    private void awaitSharpPage() throws Exception {
        ui.await(() -> vm.shownPageProperty().get() != null && !vm.loadingProperty().get());
    }
}
