package jp.sitesign.desktop.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import jp.sitesign.desktop.ui.I18n;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The PDF preview's state: which page is wanted, which drawing is shown, the zoom. All drawing goes to
 * {@link PageRenderer}; results come back through {@code ui} (the JavaFX thread in the app), so every
 * property here changes on that one thread. A page already in the cache is shown at once; otherwise the
 * old drawing stays while the new one is drawn, and the pages next to it are drawn ahead.
 */
public final class PreviewViewModel {
    /** 100 % zoom shows a page at its printed size on a 96 dpi screen. */
    static final double PX_PER_PT = 96.0 / 72.0;
    static final double[] ZOOM_STEPS = {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0};
    /** Room left beside the page when fitting its width. */
    static final double FIT_MARGIN = 32;
    static final double THUMBNAIL_WIDTH = 110;
    /** The most pixels one drawn page may have (16 M ≈ 64 MiB of ARGB). */
    static final double MAX_PAGE_PIXELS = 16_000_000;
    /** How much smaller the quick draft of a page not drawn yet is (see showDraft). */
    static final int DRAFT_DIVISOR = 3;

    private final PageRenderer renderer;
    private final Executor ui;
    private final ResourceBundle bundle;

    private final ReadOnlyStringWrapper documentName = new ReadOnlyStringWrapper(this, "documentName", "");
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 0);
    private final ReadOnlyIntegerWrapper currentPage = new ReadOnlyIntegerWrapper(this, "currentPage", -1);
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper(this, "pageLabel", "");
    private final ReadOnlyObjectWrapper<RenderedPage> shownPage = new ReadOnlyObjectWrapper<>(this, "shownPage");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final ReadOnlyStringWrapper zoomLabel = new ReadOnlyStringWrapper(this, "zoomLabel", "100 %");
    private final BooleanProperty fitWidth = new SimpleBooleanProperty(this, "fitWidth", true);
    private final DoubleProperty viewportWidth = new SimpleDoubleProperty(this, "viewportWidth", 0);
    private final DoubleProperty outputScale = new SimpleDoubleProperty(this, "outputScale", 1.0);
    private final ReadOnlyDoubleWrapper pageDisplayWidth = new ReadOnlyDoubleWrapper(this, "pageDisplayWidth", 0);
    private final ReadOnlyDoubleWrapper pageDisplayHeight = new ReadOnlyDoubleWrapper(this, "pageDisplayHeight", 0);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoForward;

    private long generation = -1;
    private long openRequest;
    private List<PageSize> pages = List.of();

    public PreviewViewModel(PageRenderer renderer, Executor ui, ResourceBundle bundle) {
        this.renderer = renderer;
        this.ui = ui;
        this.bundle = bundle;
        canGoBack = currentPage.greaterThan(0);
        canGoForward = Bindings.createBooleanBinding(
                () -> currentPage.get() >= 0 && currentPage.get() < pageCount.get() - 1, currentPage, pageCount);
        fitWidth.addListener((obs, old, now) -> {
            if (now) {
                relayout();
            }
        });
        viewportWidth.addListener((obs, old, now) -> {
            if (fitWidth.get()) {
                relayout();
            }
        });
        outputScale.addListener((obs, old, now) -> relayout());
    }

    /** Opens {@code pdf}; page 1 shows as soon as it is drawn. */
    public void open(Path pdf) {
        long request = ++openRequest;
        error.set("");
        loading.set(true);
        documentName.set(String.valueOf(pdf.getFileName()));
        renderer.open(pdf).whenCompleteAsync((info, failure) -> {
            if (request != openRequest) {
                return;
            }
            if (failure != null) {
                showOpenFailure(failure);
                return;
            }
            generation = info.generation();
            pages = info.pages();
            currentPage.set(-1);
            shownPage.set(null);
            pageCount.set(pages.size());
            if (pages.isEmpty()) {
                loading.set(false);
                updatePageLabel();
            } else {
                goTo(0);
            }
        }, ui);
    }

    /**
     * Loading (the same state as opening and drawing) while {@code fetch} brings the PDF, e.g. from the server:
     * the page is masked from the click on. The {@link #open} that follows a fetch keeps it loading until the
     * page is drawn; a fetch that ends without one (it failed, the caller says why) ends it.
     */
    public void loadingWhile(java.util.concurrent.CompletableFuture<?> fetch) {
        long request = ++openRequest;
        loading.set(true);
        fetch.whenCompleteAsync((done, failure) -> {
            if (request == openRequest) {
                loading.set(false);
            }
        }, ui);
    }

    /** Shows no document (another contract was chosen, one without a PDF yet); a pending open is dropped. */
    public void clear() {
        ++openRequest;
        generation = -1;
        pages = List.of();
        error.set("");
        loading.set(false);
        documentName.set("");
        currentPage.set(-1);
        shownPage.set(null);
        pageCount.set(0);
        updatePageLabel();
    }

    public void goTo(int pageIndex) {
        if (pages.isEmpty()) {
            return;
        }
        int target = Math.max(0, Math.min(pages.size() - 1, pageIndex));
        if (target == currentPage.get()) {
            return;
        }
        currentPage.set(target);
        updatePageLabel();
        relayout();
    }

    public void nextPage() {
        goTo(currentPage.get() + 1);
    }

    public void previousPage() {
        goTo(currentPage.get() - 1);
    }

    public void firstPage() {
        goTo(0);
    }

    public void lastPage() {
        goTo(pages.size() - 1);
    }

    public void zoomIn() {
        for (double step : ZOOM_STEPS) {
            if (step > zoom.get() + 1e-6) {
                setManualZoom(step);
                return;
            }
        }
    }

    public void zoomOut() {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < zoom.get() - 1e-6) {
                setManualZoom(ZOOM_STEPS[i]);
                return;
            }
        }
    }

    /**
     * Calls {@code onUi} with page {@code pageIndex}'s thumbnail, at once if drawn already, else when
     * drawn. Nothing happens if another document has been opened in between.
     */
    public void requestThumbnail(int pageIndex, Consumer<RenderedPage> onUi) {
        if (pageIndex < 0 || pageIndex >= pages.size()) {
            return;
        }
        long gen = generation;
        int scaleKey = scaleKey(THUMBNAIL_WIDTH / pages.get(pageIndex).widthPt() * outputScale.get());
        renderer.request(gen, pageIndex, scaleKey, PageRenderer.Kind.THUMBNAIL).whenCompleteAsync((page, failure) -> {
            if (failure == null && gen == generation) {
                onUi.accept(page);
            }
        }, ui);
    }

    /** Recomputes the zoom (fit width), the page's size on screen and asks for the drawing that fits. */
    private void relayout() {
        int index = currentPage.get();
        if (index < 0 || index >= pages.size()) {
            return;
        }
        PageSize size = pages.get(index);
        if (fitWidth.get() && viewportWidth.get() > FIT_MARGIN) {
            setZoom((viewportWidth.get() - FIT_MARGIN) / (size.widthPt() * PX_PER_PT));
        }
        pageDisplayWidth.set(size.widthPt() * PX_PER_PT * zoom.get());
        pageDisplayHeight.set(size.heightPt() * PX_PER_PT * zoom.get());
        showCurrent();
    }

    private void showCurrent() {
        int index = currentPage.get();
        long gen = generation;
        int scaleKey = currentScaleKey();
        renderer.focus(gen, index, scaleKey);
        var hit = renderer.cached(gen, index, scaleKey);
        if (hit.isPresent()) {
            show(hit.get());
        } else {
            loading.set(true);
            showDraft(gen, index, scaleKey);
            renderer.request(gen, index, scaleKey, PageRenderer.Kind.PAGE).whenCompleteAsync((page, failure) -> {
                if (gen != generation || index != currentPage.get() || scaleKey != currentScaleKey()) {
                    return; // the user has moved on; a newer request will show its page
                }
                if (failure != null) {
                    showRenderFailure(index, failure);
                } else {
                    show(page);
                }
            }, ui);
        }
        prefetch(gen, index, scaleKey);
    }

    /**
     * Until the page is drawn at its scale, a draft at a third of it (about a ninth of the pixels, so
     * several times quicker to draw) is shown enlarged; the sharp page replaces it when it arrives.
     */
    private void showDraft(long gen, int index, int scaleKey) {
        int draftKey = scaleKey(scaleKey / 1000.0 / DRAFT_DIVISOR);
        if (draftKey >= scaleKey) {
            return;
        }
        var drawn = renderer.cached(gen, index, draftKey);
        if (drawn.isPresent()) {
            shownPage.set(drawn.get());
            return;
        }
        renderer.request(gen, index, draftKey, PageRenderer.Kind.QUICK).whenCompleteAsync((draft, failure) -> {
            RenderedPage shown = shownPage.get();
            boolean sharpShown = shown != null && shown.pageIndex() == index && shown.scaleKey() == scaleKey;
            if (failure == null && gen == generation && index == currentPage.get() && !sharpShown) {
                shownPage.set(draft);
            }
        }, ui);
    }

    private void prefetch(long gen, int index, int scaleKey) {
        for (int d = 1; d <= PageRenderer.AHEAD; d++) {
            if (index + d < pages.size()) {
                renderer.request(gen, index + d, scaleKey, PageRenderer.Kind.PAGE);
            }
        }
        for (int d = 1; d <= PageRenderer.BEHIND; d++) {
            if (index - d >= 0) {
                renderer.request(gen, index - d, scaleKey, PageRenderer.Kind.PAGE);
            }
        }
    }

    private void show(RenderedPage page) {
        error.set("");
        shownPage.set(page);
        loading.set(false);
    }

    private void setManualZoom(double value) {
        fitWidth.set(false);
        setZoom(value);
        relayout();
    }

    private void setZoom(double value) {
        double z = Math.max(ZOOM_STEPS[0], Math.min(ZOOM_STEPS[ZOOM_STEPS.length - 1], value));
        zoom.set(z);
        zoomLabel.set(Math.round(z * 100) + " %");
    }

    /**
     * The scale the current page is drawn at: the zoom on this screen, but never more than
     * {@link #MAX_PAGE_PIXELS} pixels — beyond that the image is shown enlarged, so an A1 drawing at
     * 400 % on a high-density screen cannot exhaust the memory.
     */
    private int currentScaleKey() {
        double wanted = PX_PER_PT * zoom.get() * outputScale.get();
        int index = currentPage.get();
        if (index >= 0 && index < pages.size()) {
            PageSize size = pages.get(index);
            double area = (double) size.widthPt() * size.heightPt();
            wanted = Math.min(wanted, Math.sqrt(MAX_PAGE_PIXELS / area));
        }
        return scaleKey(wanted);
    }

    private static int scaleKey(double pixelsPerPoint) {
        return Math.max(50, (int) Math.round(pixelsPerPoint * 1000));
    }

    private void updatePageLabel() {
        pageLabel.set(currentPage.get() < 0 ? "" : (currentPage.get() + 1) + " / " + pageCount.get());
    }

    private void showOpenFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CancellationException) {
            return;
        }
        loading.set(false);
        generation = -1;
        pages = List.of();
        pageCount.set(0);
        currentPage.set(-1);
        shownPage.set(null);
        updatePageLabel();
        error.set(cause instanceof InvalidPasswordException ? bundle.getString("preview.encrypted")
                : I18n.format(bundle, "preview.openFailed", message(cause)));
    }

    private void showRenderFailure(int index, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CancellationException) {
            return;
        }
        loading.set(false);
        error.set(I18n.format(bundle, "preview.renderFailed", index + 1, message(cause)));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The open document's generation at the renderer (the benchmark looks into the cache with it). */
    long generation() {
        return generation;
    }

    public ReadOnlyStringProperty documentNameProperty() {
        return documentName.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** The page wanted, from 0; -1 with no document. */
    public ReadOnlyIntegerProperty currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    /** "3 / 50". */
    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel.getReadOnlyProperty();
    }

    /** The drawing on screen: the wanted page once drawn, the previous one until then. */
    public ReadOnlyObjectProperty<RenderedPage> shownPageProperty() {
        return shownPage.getReadOnlyProperty();
    }

    /** True while the wanted page (or the document) is still being drawn. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty zoomLabelProperty() {
        return zoomLabel.getReadOnlyProperty();
    }

    public BooleanProperty fitWidthProperty() {
        return fitWidth;
    }

    /** The width the page area offers, set by the view. */
    public DoubleProperty viewportWidthProperty() {
        return viewportWidth;
    }

    /** Physical pixels per layout pixel of the screen (HiDPI), set by the view. */
    public DoubleProperty outputScaleProperty() {
        return outputScale;
    }

    /** The page's size on screen in layout pixels, whatever resolution its drawing has. */
    public ReadOnlyDoubleProperty pageDisplayWidthProperty() {
        return pageDisplayWidth.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty pageDisplayHeightProperty() {
        return pageDisplayHeight.getReadOnlyProperty();
    }

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    public BooleanBinding canGoForward() {
        return canGoForward;
    }
}
