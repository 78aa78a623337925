package jp.sitesign.desktop.signing.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.signing.seal.SealGeometry.Box;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;

/**
 * Where the seal goes: the document's pages (drawn by the dialog's own {@link PageRenderer}, never on the UI
 * thread), a click puts a rectangle of the seal's size centred on the spot (a click elsewhere moves it), or the
 * user chooses "no visible seal".
 *
 * <p>The dialog opens on the last page. Signing is allowed without a click only in two cases: the user chose
 * "no visible seal", or this user has signed on this computer before, in which case the seal is already shown
 * at the remembered spot (same page counted from the end, same place on the page) and the user sees it before
 * pressing the button. Otherwise the user must click once: a seal put somewhere nobody looked at is worse than
 * one extra click. Without a Japanese {@code .ttf} ({@link SealFonts}) the signature is made invisible and the
 * dialog says so; signing is not blocked by a missing font.
 */
public final class SealPlacementViewModel {
    private static final Logger LOG = Logger.getLogger(SealPlacementViewModel.class.getName());

    /** Whether the signature shows a seal. */
    public enum Mode { VISIBLE, NONE }

    /** The seal on page {@code pageIndex} (from 0), in display points of that page. */
    public record Placed(int pageIndex, Box display, boolean remembered) {
    }

    private final PreviewViewModel preview;
    private final Executor background;
    private final Executor ui;
    private final ResourceBundle bundle;
    private final SealMemory memory;
    private final String userId;
    private final Optional<Path> font;
    private final String companyName;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.VISIBLE);
    private final ReadOnlyObjectWrapper<Placed> placed = new ReadOnlyObjectWrapper<>(this, "placed");
    private final ReadOnlyObjectWrapper<Box> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final BooleanBinding ready;
    private final ReadOnlyObjectWrapper<jp.sitesign.desktop.preview.RenderedPage> appearance =
            new ReadOnlyObjectWrapper<>(this, "appearance");

    private List<PageGeometry> pages = List.of();
    private Path file;
    private boolean startPending;

    /**
     * @param font        the seal's {@code .ttf}; empty makes every signature invisible (with a notice)
     * @param companyName the signer's company for the seal text, or {@code null}
     */
    public SealPlacementViewModel(PageRenderer renderer, Executor background, Executor ui, ResourceBundle bundle,
            SealMemory memory, String userId, Optional<Path> font, String companyName) {
        this.preview = new PreviewViewModel(renderer, ui, bundle);
        this.background = background;
        this.ui = ui;
        this.bundle = bundle;
        this.memory = memory;
        this.userId = userId;
        this.font = font;
        this.companyName = companyName;
        if (font.isEmpty()) {
            mode.set(Mode.NONE);
        }
        ready = Bindings.createBooleanBinding(() -> mode.get() == Mode.NONE || placed.get() != null, mode, placed);
        preview.currentPageProperty().addListener((obs, old, now) -> {
            if (startPending && now.intValue() >= 0 && !pages.isEmpty()) {
                startPending = false;
                preview.goTo(startPage());
            }
            updateOverlay();
        });
        preview.pageDisplayWidthProperty().addListener((obs, old, now) -> updateOverlay());
        placed.addListener((obs, old, now) -> {
            updateOverlay();
            updateHint();
        });
        mode.addListener((obs, old, now) -> updateHint());
        updateHint();
    }

    /**
     * Loads the document off the UI thread and shows its last page (or the remembered one's). When it cannot be
     * loaded (offline with no copy on this computer, or unreadable) the placement area says so instead.
     */
    public CompletableFuture<Void> open(Supplier<byte[]> pdf) {
        unavailable.set("");
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] bytes = pdf.get();
                Path temp = Files.createTempFile("sitesign-seal-", ".pdf");
                temp.toFile().deleteOnExit();
                Files.write(temp, bytes);
                return new Opened(temp, PageGeometry.read(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).thenAcceptAsync(opened -> {
            file = opened.file();
            pages = opened.pages();
            placed.set(null);
            startPending = true;
            recalled();
            preview.open(opened.file());
        }, ui).exceptionallyAsync(failure -> {
            unavailable.set(unavailableText(failure instanceof java.util.concurrent.CompletionException
                    && failure.getCause() != null ? failure.getCause() : failure));
            return null;
        }, ui);
    }

    private String unavailableText(Throwable cause) {
        if (cause instanceof jp.sitesign.desktop.sync.OfflineException) {
            return bundle.getString("seal.unavailable.offline");
        }
        String reason = UserMessages.known(cause, Language.of(bundle)).orElse(String.valueOf(cause.getMessage()));
        return jp.sitesign.desktop.ui.I18n.format(bundle, "seal.unavailable.failed", reason);
    }

    private record Opened(Path file, List<PageGeometry> pages) {
    }

    private int startPage() {
        return placed.get() != null ? placed.get().pageIndex() : pages.size() - 1;
    }

    private void recalled() {
        if (font.isEmpty() || pages.isEmpty()) {
            return;
        }
        memory.recall(userId).ifPresent(spot -> {
            int index = spot.pageIndex(pages.size());
            placed.set(new Placed(index, spot.on(pages.get(index)), true));
        });
    }

    /**
     * A click on the shown page at {@code (x, y)} layout pixels from its top-left corner: the seal goes there
     * (centred, kept inside the page) and the signature becomes visible.
     */
    public void click(double x, double y) {
        int index = preview.currentPageProperty().get();
        double drawnWidth = preview.pageDisplayWidthProperty().get();
        if (font.isEmpty() || index < 0 || index >= pages.size() || drawnWidth <= 0) {
            return;
        }
        PageGeometry page = pages.get(index);
        double[] d = SealGeometry.pixelToDisplay(page, x, y, drawnWidth);
        placed.set(new Placed(index, SealGeometry.centredOnPage(page, d[0], d[1], SealGeometry.SEAL_WIDTH,
                SealGeometry.SEAL_HEIGHT), false));
        mode.set(Mode.VISIBLE);
    }

    /**
     * What to sign with: empty for an invisible signature (chosen, or no font).
     *
     * @throws IllegalStateException with the user's words if a visible seal is wanted but not yet placed
     */
    public Optional<SealPlacement> placement() {
        if (mode.get() == Mode.NONE || font.isEmpty()) {
            return Optional.empty();
        }
        Placed p = placed.get();
        if (p == null) {
            throw new IllegalStateException(bundle.getString("seal.notPlaced"));
        }
        Box user = SealGeometry.displayToUser(pages.get(p.pageIndex()), p.display());
        return Optional.of(new SealPlacement(p.pageIndex() + 1, (float) user.x(), (float) user.y(),
                (float) user.width(), (float) user.height(), font.get(), companyName));
    }

    /**
     * Writes down where the seal went, after a signature was made with it; called off the UI thread. A failure
     * only costs the user a click next time, so it is logged and not shown.
     */
    public Runnable rememberLater() {
        Placed p = mode.get() == Mode.VISIBLE ? placed.get() : null;
        if (p == null || font.isEmpty()) {
            return () -> { };
        }
        PageGeometry page = pages.get(p.pageIndex());
        SealMemory.Spot spot = new SealMemory.Spot(pages.size() - 1 - p.pageIndex(),
                (p.display().x() + p.display().width() / 2) / page.displayWidth(),
                (p.display().y() + p.display().height() / 2) / page.displayHeight());
        return () -> {
            try {
                memory.remember(userId, spot);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not remember the seal position", e);
            }
        };
    }

    /**
     * Draws the seal as the signature will (its 印影, company, name and title) off the UI thread with
     * {@code drawer}, for the view to show in place of an outline. Nothing happens without a font (no seal).
     */
    public CompletableFuture<Void> showAppearance(
            java.util.function.Function<SealPlacement, jp.sitesign.desktop.preview.RenderedPage> drawer) {
        if (font.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        SealPlacement size = new SealPlacement(1, 0, 0, (float) SealGeometry.SEAL_WIDTH,
                (float) SealGeometry.SEAL_HEIGHT, font.get(), companyName);
        return CompletableFuture.supplyAsync(() -> drawer.apply(size), background)
                .thenAcceptAsync(appearance::set, ui)
                .exceptionally(failure -> {
                    LOG.log(Level.WARNING, "the seal preview could not be drawn; an outline shows instead", failure);
                    return null;
                });
    }

    /** The seal as the signature will draw it, at the seal's proportions; null until drawn (an outline shows). */
    public ReadOnlyObjectProperty<jp.sitesign.desktop.preview.RenderedPage> appearanceProperty() {
        return appearance.getReadOnlyProperty();
    }

    /** Deletes the temporary copy of the document. */
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.FINE, "temporary file left for deleteOnExit", e);
            }
        }
    }

    private void updateOverlay() {
        Placed p = placed.get();
        int index = preview.currentPageProperty().get();
        double drawnWidth = preview.pageDisplayWidthProperty().get();
        if (p == null || p.pageIndex() != index || drawnWidth <= 0) {
            overlay.set(null);
            return;
        }
        double scale = drawnWidth / pages.get(index).displayWidth();
        Box d = p.display();
        overlay.set(new Box(d.x() * scale, d.y() * scale, d.width() * scale, d.height() * scale));
    }

    private void updateHint() {
        Placed p = placed.get();
        if (font.isEmpty()) {
            hint.set(bundle.getString("seal.noFont"));
        } else if (mode.get() == Mode.NONE) {
            hint.set(bundle.getString("seal.none.hint"));
        } else if (p == null) {
            hint.set(bundle.getString("seal.clickHint"));
        } else {
            hint.set(MessageFormat.format(bundle.getString(p.remembered() ? "seal.remembered" : "seal.placed"),
                    p.pageIndex() + 1));
        }
    }

    /** The pages, navigation and zoom the view binds to. */
    public PreviewViewModel preview() {
        return preview;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Whether a visible seal can be chosen at all (a font was found). */
    public boolean canShowSeal() {
        return font.isPresent();
    }

    public ReadOnlyObjectProperty<Placed> placedProperty() {
        return placed.getReadOnlyProperty();
    }

    /** The seal's rectangle on the shown page in layout pixels, or {@code null} when it is on another page. */
    public ReadOnlyObjectProperty<Box> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** Why the document cannot be shown for placing the seal, in the user's language; empty when it is shown. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** What the user should do or know about the seal, in their language. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** True when signing may start: no seal wanted, or a seal placed (by click or remembered). */
    public BooleanBinding ready() {
        return ready;
    }
}
