package jp.sitesign.desktop.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.signing.seal.SealGeometry.Box;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seal placement on real PDFBox drawings, without the toolkit: one test thread plays the UI thread. */
class SealPlacementViewModelTest {
    private static final Path FONT = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    @TempDir
    Path dir;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PageRenderer renderer;

    @BeforeEach
    void start() {
        renderer = new PageRenderer(PdfBoxPageSource::open, 32L << 20);
    }

    @AfterEach
    void stop() {
        renderer.close();
        ui.shutdownNow();
        background.shutdownNow();
    }

    private SealPlacementViewModel opened(int pages, Optional<Path> font) throws Exception {
        SealPlacementViewModel vm = call(() -> new SealPlacementViewModel(renderer, background, ui,
                I18n.bundle(Language.EN), new SealMemory(dir.resolve("seal.properties")), "U00000001", font,
                "元請建設株式会社"));
        // 600 pt pages fitted into 632 px: one layout pixel per point
        call(() -> {
            vm.preview().viewportWidthProperty().set(632);
            return null;
        });
        vm.open(() -> pdf(pages)).get(30, TimeUnit.SECONDS);
        await(() -> vm.preview().shownPageProperty().get() != null
                && vm.preview().shownPageProperty().get().pageIndex() == pages - 1);
        return vm;
    }

    @Test
    void theDialogOpensOnTheLastPageAndWantsAClickBeforeSigning() throws Exception {
        SealPlacementViewModel vm = opened(3, Optional.of(FONT));

        assertThat(call(() -> vm.preview().currentPageProperty().get())).isEqualTo(2);
        assertThat(call(() -> vm.ready().get())).isFalse();
        assertThat(call(() -> vm.hintProperty().get())).contains("Click on the page");
        assertThatThrownBy(() -> call(vm::placement)).hasRootCauseMessage(
                I18n.bundle(Language.EN).getString("seal.notPlaced"));
    }

    @Test
    void aClickPutsTheSealRectangleThereAndTheRequestCarriesItInUserSpace() throws Exception {
        SealPlacementViewModel vm = opened(2, Optional.of(FONT));

        call(() -> {
            vm.click(300, 700);
            return null;
        });

        assertThat(call(() -> vm.overlayProperty().get())).isEqualTo(new Box(200, 670, 200, 60));
        assertThat(call(() -> vm.ready().get())).isTrue();
        SealPlacement p = call(vm::placement).orElseThrow();
        assertThat(p.pageNumber()).isEqualTo(2);
        // display y 670..730 from the top of an 800 pt page is user y 70..130
        assertThat(new float[] {p.x(), p.y(), p.width(), p.height()}).containsExactly(200, 70, 200, 60);
        assertThat(p.font()).isEqualTo(FONT);
        assertThat(p.companyName()).isEqualTo("元請建設株式会社");
    }

    @Test
    void aSecondClickMovesTheSealAndTheRectangleShowsOnlyOnItsPage() throws Exception {
        SealPlacementViewModel vm = opened(2, Optional.of(FONT));
        call(() -> {
            vm.click(300, 700);
            vm.preview().previousPage();
            vm.click(120, 20);
            return null;
        });

        assertThat(call(() -> vm.overlayProperty().get())).as("clamped to the top edge")
                .isEqualTo(new Box(20, 0, 200, 60));
        assertThat(call(vm::placement).orElseThrow().pageNumber()).isEqualTo(1);
        call(() -> {
            vm.preview().nextPage();
            return null;
        });
        assertThat(call(() -> vm.overlayProperty().get())).as("not on page 2 any more").isNull();
    }

    @Test
    void choosingNoVisibleSealAllowsSigningWithoutAClickAndSignsInvisibly() throws Exception {
        SealPlacementViewModel vm = opened(1, Optional.of(FONT));
        call(() -> {
            vm.modeProperty().set(SealPlacementViewModel.Mode.NONE);
            return null;
        });

        assertThat(call(() -> vm.ready().get())).isTrue();
        assertThat(call(vm::placement)).isEmpty();
    }

    @Test
    void theNextDocumentOpensWithTheSealWhereThisUserPutItLastTime() throws Exception {
        SealPlacementViewModel first = opened(2, Optional.of(FONT));
        call(() -> {
            first.click(300, 700);
            return null;
        });
        call(first::rememberLater).run();

        SealPlacementViewModel next = opened(4, Optional.of(FONT));

        assertThat(call(() -> next.ready().get())).as("no click needed").isTrue();
        assertThat(call(() -> next.overlayProperty().get())).isEqualTo(new Box(200, 670, 200, 60));
        assertThat(call(next::placement).orElseThrow().pageNumber()).isEqualTo(4);
        assertThat(call(() -> next.hintProperty().get())).contains("last time");
    }

    @Test
    void withoutAJapaneseFontTheSignatureIsInvisibleAndTheUserIsToldWhy() throws Exception {
        SealPlacementViewModel vm = opened(1, Optional.empty());
        call(() -> {
            vm.click(300, 300);
            return null;
        });

        assertThat(call(() -> vm.modeProperty().get())).isEqualTo(SealPlacementViewModel.Mode.NONE);
        assertThat(call(() -> vm.ready().get())).isTrue();
        assertThat(call(vm::placement)).isEmpty();
        assertThat(call(() -> vm.hintProperty().get())).contains("IPA Gothic", "without a visible seal");
    }

    @Test
    void offlineWithoutACopyOfTheDocumentThePlacementAreaSaysSoInTheUsersLanguage() throws Exception {
        for (Language language : Language.values()) {
            SealPlacementViewModel vm = call(() -> new SealPlacementViewModel(renderer, background, ui,
                    I18n.bundle(language), new SealMemory(dir.resolve("seal.properties")), "U00000001",
                    Optional.of(FONT), null));

            vm.open(() -> {
                throw new jp.sitesign.desktop.sync.OfflineException(java.net.URI.create("https://127.0.0.1:1"),
                        new IOException("Connection refused"));
            }).get(30, TimeUnit.SECONDS);

            assertThat(call(() -> vm.unavailableProperty().get()))
                    .isEqualTo(I18n.bundle(language).getString("seal.unavailable.offline"))
                    .doesNotContain("Connection refused");
            assertThat(call(() -> vm.ready().get())).as("nothing to place the seal on").isFalse();
        }
    }

    @Test
    void aDocumentThatCannotBeLoadedForAnotherReasonSaysWhy_andALaterOpenThatWorksClearsIt() throws Exception {
        SealPlacementViewModel vm = call(() -> new SealPlacementViewModel(renderer, background, ui,
                I18n.bundle(Language.JA), new SealMemory(dir.resolve("seal.properties")), "U00000001",
                Optional.of(FONT), null));
        vm.open(() -> {
            throw new jp.sitesign.model.error.SiteSignException(jp.sitesign.model.error.ErrorCode.NOT_FOUND,
                    "案件 K1 はこのパソコンにありません。", "Contract K1 is not on this computer.");
        }).get(30, TimeUnit.SECONDS);
        assertThat(call(() -> vm.unavailableProperty().get()))
                .isEqualTo("押印する位置を選ぶページを表示できません: 案件 K1 はこのパソコンにありません。");

        vm.open(() -> pdf(1)).get(30, TimeUnit.SECONDS);

        assertThat(call(() -> vm.unavailableProperty().get())).isEmpty();
    }

    private static byte[] pdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(new PDRectangle(600, 800)));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> T call(Callable<T> work) throws Exception {
        return ui.submit(work).get(30, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on the UI thread, holds; fails after 30 s (a hang, not a timing). */
    private void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                fail("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
