package jp.sitesign.desktop.preview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.tools.Fx;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.testing.TestPdfs;

/**
 * Benchmark (not a test; bench/preview.sh): a generated 50-page A4 PDF in the preview of a 1280×800
 * window, fit to width. "Visible" is the first layout pulse after the page's drawing was put on screen.
 * {@code cold}: the first PDF of a fresh JVM without the app's warm-up. {@code warm}: after the warm-up the
 * app does at start, page 1 of 10 fresh opens, and 20 flips each to a prefetched and to a not yet drawn page.
 */
public final class PreviewBench {
    private PreviewBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean cold = args.length > 0 && args[0].equals("cold");
        Path dir = Files.createTempDirectory("sitesign-preview-bench");
        Path pdf = Files.write(dir.resolve("50.pdf"), TestPdfs.multiPage(50));
        Fx.startToolkit();
        PageRenderer renderer = PageRenderer.withPdfBox();
        if (!cold) {
            CompletableFuture<Void> warmed = new CompletableFuture<>();
            renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
            renderer.runOnRenderThread(() -> warmed.complete(null));
            warmed.get(60, TimeUnit.SECONDS);
        }
        PreviewViewModel vm = new PreviewViewModel(renderer, Platform::runLater, I18n.bundle(Language.JA));
        Scene scene = Fx.call(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new PreviewView(vm).load(I18n.bundle(Language.JA)), 1280, 800));
            stage.show();
            return stage.getScene();
        });
        Fx.nextPulse(scene);
        if (cold) {
            System.out.printf("cold: open → page 1 visible %.1f ms%n", visibleAfter(scene, vm, 0, v -> v.open(pdf)));
            awaitSharp(vm);
        } else {
            List<Double> open = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            List<Double> uncached = new ArrayList<>();
            List<Double> uncachedSharp = new ArrayList<>();
            List<Double> openSharp = new ArrayList<>();
            visibleAfter(scene, vm, 0, v -> v.open(pdf)); // to learn the scale a page is drawn at in this window
            awaitSharp(vm);
            int sharp = Fx.call(() -> vm.shownPageProperty().get().scaleKey());
            for (int i = 0; i < 10; i++) {
                Path copy = Files.copy(pdf, dir.resolve("50-" + i + ".pdf"));
                double[] opened = visibleAfter(scene, vm, 0, sharp, v -> v.open(copy));
                open.add(opened[0]);
                openSharp.add(opened[1]);
            }
            for (int i = 0; i < 20; i++) {
                int next = Fx.call(() -> vm.currentPageProperty().get()) + 1;
                awaitCached(renderer, vm, next, sharp);
                cached.add(visibleAfter(scene, vm, next, PreviewViewModel::nextPage));
                int far = (next + 10) % 40; // stays below the last page, so the next flip has a page to go to
                double[] jump = visibleAfter(scene, vm, far, sharp, v -> v.goTo(far));
                uncached.add(jump[0]);
                uncachedSharp.add(jump[1]);
            }
            report("open → page 1 visible (warm, 10 opens): draft", open);
            report("open → page 1 visible (warm, 10 opens): sharp", openSharp);
            report("flip to a prefetched page", cached);
            report("flip to a page not drawn yet: draft", uncached);
            report("flip to a page not drawn yet: sharp", uncachedSharp);
            System.out.printf("page cache after the run: %.1f MiB%n", renderer.cachedBytes() / 1048576.0);
        }
        renderer.close();
        Platform.exit();
        System.exit(0); // GTK's loop can outlive Platform.exit under Xvfb; a benchmark must end
    }

    /** Milliseconds from {@code action} on the FX thread to the first pulse showing page {@code page}. */
    private static double visibleAfter(Scene scene, PreviewViewModel vm, int page, Consumer<PreviewViewModel> action)
            throws Exception {
        return visibleAfter(scene, vm, page, -1, action)[0];
    }

    /**
     * Milliseconds from {@code action} on the FX thread to the first pulse showing page {@code page} in any
     * drawing (a quick draft counts), and to the first showing it drawn at {@code sharpScale}.
     */
    private static double[] visibleAfter(Scene scene, PreviewViewModel vm, int page, int sharpScale,
            Consumer<PreviewViewModel> action) throws Exception {
        CompletableFuture<Long> visibleAt = new CompletableFuture<>();
        CompletableFuture<Long> sharpAt = new CompletableFuture<>();
        long start = Fx.call(() -> {
            vm.shownPageProperty().addListener(new javafx.beans.value.ChangeListener<RenderedPage>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends RenderedPage> obs, RenderedPage old,
                        RenderedPage now) {
                    if (now == null || now.pageIndex() != page) {
                        return;
                    }
                    boolean sharp = sharpScale < 0 || now.scaleKey() == sharpScale;
                    if (sharp) {
                        vm.shownPageProperty().removeListener(this);
                    }
                    Runnable[] pulse = new Runnable[1];
                    pulse[0] = () -> {
                        scene.removePostLayoutPulseListener(pulse[0]);
                        long t = System.nanoTime();
                        visibleAt.complete(t);
                        if (sharp) {
                            sharpAt.complete(t);
                        }
                    };
                    scene.addPostLayoutPulseListener(pulse[0]);
                    Platform.requestNextPulse();
                }
            });
            long t0 = System.nanoTime();
            action.accept(vm);
            return t0;
        });
        try {
            return new double[] {(visibleAt.get(60, TimeUnit.SECONDS) - start) / 1e6,
                (sharpAt.get(60, TimeUnit.SECONDS) - start) / 1e6};
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("page " + (page + 1) + " not shown; showing "
                    + Fx.call(() -> vm.pageLabelProperty().get() + " drawing " + vm.shownPageProperty().get().pageIndex()
                    + " error '" + vm.errorProperty().get() + "' loading " + vm.loadingProperty().get()), e);
        }
    }

    private static void awaitSharp(PreviewViewModel vm) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Fx.call(() -> vm.loadingProperty().get()) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private static void awaitCached(PageRenderer renderer, PreviewViewModel vm, int page, int scale) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long gen = Fx.call(vm::generation);
        while (renderer.cached(gen, page, scale).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf("%-40s median %6.1f ms   p90 %6.1f ms   max %6.1f ms   (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
