package jp.sitesign.desktop.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one place where the desktop makes its dialogs and secondary windows: each is owned by the window it was
 * asked from (the main window, or a window opened from it), carries the app's stylesheet, and is modal where
 * the user must answer before going on. Files to open are chosen through a {@link FileChoice}, which the flow
 * tests replace because a headless toolkit has no native chooser.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final FileChoice files;

    /**
     * @param owner the window the dialogs belong to, asked each time (a scene gets its window after the
     *              screens are built); null from it means none yet
     * @param files how a file to open is chosen
     */
    public FxDialogService(Supplier<Window> owner, FileChoice files) {
        this.owner = owner;
        this.files = files;
    }

    /** Dialogs owned by {@code window}, with the platform's file chooser. */
    public static FxDialogService ownedBy(Window window) {
        return new FxDialogService(() -> window, FileChoice.dialog());
    }

    /**
     * Dialogs owned by the window that shows {@code node} (a screen's own node): for a screen that is shown
     * inside a window opened by the shell, or by a test without the shell.
     */
    public static FxDialogService ownedBy(Node node) {
        return new FxDialogService(() -> node.getScene() == null ? null : node.getScene().getWindow(),
                FileChoice.dialog());
    }

    /** The same service for dialogs asked from a window opened from this one: they belong to that window. */
    public FxDialogService within(Supplier<Window> window) {
        return new FxDialogService(window, files);
    }

    @Override
    public boolean confirm(Question q) {
        ButtonType yes = new ButtonType(q.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(q.cancel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(q.tone() == Tone.WARNING ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION,
                q.text(), yes, no);
        alert.setTitle(q.title());
        alert.setHeaderText(q.header());
        if (q.id() != null) {
            alert.getDialogPane().setId(q.id());
        }
        cancelByDefault(alert.getDialogPane(), q, yes, no);
        if (q.cancelByDefault()) {
            javafx.application.Platform.runLater(alert.getDialogPane().lookupButton(no)::requestFocus);
        }
        return showAndWait(alert).filter(yes::equals).isPresent();
    }

    /** Enter chooses Cancel where the question says so; Escape chooses it always (its CANCEL_CLOSE data). */
    private static void cancelByDefault(javafx.scene.control.DialogPane pane, Question q, ButtonType yes,
            ButtonType no) {
        if (!q.cancelByDefault()) {
            return;
        }
        Button confirm = (Button) pane.lookupButton(yes);
        Button cancel = (Button) pane.lookupButton(no);
        confirm.setDefaultButton(false);
        cancel.setDefaultButton(true);
    }

    @Override
    public Optional<String> confirmWithReason(Question q, String reasonLabel, String reasonRequired) {
        ButtonType yes = new ButtonType(q.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(q.cancel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(q.title());
        dialog.setHeaderText(q.header());
        javafx.scene.control.DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add(q.tone() == Tone.WARNING ? "warning" : "confirmation");
        if (q.id() != null) {
            pane.setId(q.id());
        }
        pane.getButtonTypes().setAll(yes, no);
        javafx.scene.control.Label text = new javafx.scene.control.Label(q.text());
        text.setWrapText(true);
        text.setId("confirmationText");
        javafx.scene.control.Label label = new javafx.scene.control.Label(reasonLabel);
        javafx.scene.control.TextArea reason = new javafx.scene.control.TextArea();
        reason.setId("reasonField");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        label.setLabelFor(reason);
        javafx.scene.control.Label error = new javafx.scene.control.Label();
        error.setId("reasonError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, text, label, reason, error);
        content.setPrefWidth(480);
        pane.setContent(content);
        pane.lookupButton(yes).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (reason.getText() == null || reason.getText().isBlank()) {
                error.setText(reasonRequired);
                reason.requestFocus();
                e.consume();
            }
        });
        reason.textProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                error.setText("");
            }
        });
        cancelByDefault(pane, q, yes, no);
        javafx.application.Platform.runLater(reason::requestFocus);
        dialog.setResultConverter(b -> b == yes ? reason.getText().strip() : null);
        return showAndWait(dialog);
    }

    @Override
    public Optional<String> askText(String title, String header, String confirm, String cancel) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(confirm);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(cancel);
        return showAndWait(dialog);
    }

    @Override
    public void inform(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(null);
        prepare(alert);
        alert.show();
    }

    @Override
    public Optional<Path> openFile(String title, List<FileKind> kinds) {
        return files.open(owner.get(), title, kinds);
    }

    @Override
    public Optional<Path> openFile(String title, List<FileKind> kinds, Path folder) {
        return files.open(owner.get(), title, kinds, folder);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, FileKind kind) {
        return saveFile(title, initialName, kind, null);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, FileKind kind, Path folder) {
        FileChooser chooser = new FileChooser();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.name(), kind.patterns()));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    /** A dialog a screen built itself (a form), shown owned and styled like the others; waits for its answer. */
    public <T> Optional<T> showAndWait(Dialog<T> dialog) {
        prepare(dialog);
        fitToScreen(dialog);
        return dialog.showAndWait();
    }

    /**
     * A form taller (or wider) than the screen it opens on gets its content in a scroll pane just small enough for
     * the dialog to fit, so on a 1366×768 laptop its OK/Cancel buttons stay on the screen; a dialog that fits is
     * left exactly as it was built (its content, its node ids, its lookups). Measured before showing, from the
     * pane's preferred size with the app's stylesheet applied: the dialog's window sizes itself to that.
     */
    private void fitToScreen(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        Node content = pane.getContent();
        if (content == null || pane.getScene() == null) {
            return;
        }
        Window parent = owner.get();
        javafx.geometry.Rectangle2D screen = screenOf(parent).getVisualBounds();
        double roomWidth = screen.getWidth() - FRAME_WIDTH;
        double roomHeight = screen.getHeight() - FRAME_HEIGHT;
        pane.applyCss();
        double width = pane.prefWidth(-1);
        double height = pane.prefHeight(width);
        if (width <= roomWidth && height <= roomHeight) {
            return;
        }
        double contentWidth = content.prefWidth(-1);
        double contentHeight = content.prefHeight(contentWidth);
        ScrollPane scroll = new ScrollPane();
        scroll.getStyleClass().add("dialog-scroll");
        pane.setContent(scroll);
        scroll.setContent(content);
        boolean narrow = width > roomWidth;
        scroll.setFitToWidth(!narrow);
        scroll.setPrefViewportWidth(narrow ? contentWidth - (width - roomWidth)
                : contentWidth + Math.min(SCROLLBAR, roomWidth - width));
        scroll.setPrefViewportHeight(Math.min(contentHeight, contentHeight - (height - roomHeight)));
        // Its skin (and the content under it) now, so lookups by id reach the fields before the dialog shows; then
        // what the scroll pane's border and bars add is taken off its viewport until the whole pane fits.
        for (int i = 0; i < 3; i++) {
            pane.applyCss();
            width = pane.prefWidth(-1);
            height = pane.prefHeight(width);
            if (width <= roomWidth && height <= roomHeight) {
                break;
            }
            scroll.setPrefViewportWidth(Math.max(MIN_VIEWPORT, scroll.getPrefViewportWidth()
                    - Math.max(0, width - roomWidth)));
            scroll.setPrefViewportHeight(Math.max(MIN_VIEWPORT, scroll.getPrefViewportHeight()
                    - Math.max(0, height - roomHeight)));
        }
        placeOnScreen(dialog, parent, screen, width, height);
    }

    /**
     * Centres the shrunk dialog over its owner as JavaFX would, but moved back inside the screen where the owner's
     * centre would push it past an edge. Set before showing, so the dialog keeps this place.
     */
    private static void placeOnScreen(Dialog<?> dialog, Window parent, javafx.geometry.Rectangle2D screen,
            double width, double height) {
        double centreX = parent == null || Double.isNaN(parent.getX()) ? screen.getMinX() + screen.getWidth() / 2
                : parent.getX() + parent.getWidth() / 2;
        double centreY = parent == null || Double.isNaN(parent.getY()) ? screen.getMinY() + screen.getHeight() / 2
                : parent.getY() + parent.getHeight() / 2;
        double outerWidth = width + FRAME_WIDTH;
        double outerHeight = height + FRAME_HEIGHT;
        dialog.setX(Math.max(screen.getMinX(), Math.min(centreX - outerWidth / 2, screen.getMaxX() - outerWidth)));
        dialog.setY(Math.max(screen.getMinY(), Math.min(centreY - outerHeight / 2, screen.getMaxY() - outerHeight)));
    }

    /** Width of a vertical scroll bar, given to a shrunk form so the bar does not cover its fields. */
    private static final double SCROLLBAR = 16;
    /** The least height or width a shrunk form keeps, on a screen too small for anything better. */
    private static final double MIN_VIEWPORT = 120;

    /**
     * A window of its own (the editor, the signing dialog) over {@code content}, owned by this service's
     * window so it stays in front of it and closes with it, and shown.
     *
     * @param modal whether the owner waits until it is closed (the signing dialog: one signature at a time)
     */
    public Stage window(String title, Parent content, double width, double height, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Window parent = owner.get();
        if (parent != null) {
            stage.initOwner(parent);
            if (modal) {
                stage.initModality(Modality.WINDOW_MODAL);
            }
        }
        javafx.geometry.Rectangle2D screen = screenOf(parent).getVisualBounds();
        double fitWidth = Math.min(width, screen.getWidth() - FRAME_WIDTH);
        double fitHeight = Math.min(height, screen.getHeight() - FRAME_HEIGHT);
        Scene scene = new Scene(fitting(content, fitWidth < width || fitHeight < height), fitWidth, fitHeight);
        scene.getStylesheets().add(ViewLoader.appStylesheet());
        // Escape closes the window, as it does a dialog (unless a control used it, e.g. to close its popup).
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Room a window's frame takes around its scene (title bar, borders), so the whole window fits the screen. */
    static final double FRAME_WIDTH = 16;
    static final double FRAME_HEIGHT = 40;

    /** The screen {@code window} is on (the primary one without a window). */
    private static javafx.stage.Screen screenOf(Window window) {
        if (window == null || Double.isNaN(window.getX())) {
            return javafx.stage.Screen.getPrimary();
        }
        List<javafx.stage.Screen> under = javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(),
                Math.max(1, window.getWidth()), Math.max(1, window.getHeight()));
        return under.isEmpty() ? javafx.stage.Screen.getPrimary() : under.get(0);
    }

    /**
     * The content as it is, or in a scroll pane when the window had to be made smaller than asked: on a 1366×768
     * laptop (728 pixels above the taskbar) a tall form then scrolls instead of losing its bottom buttons.
     */
    private static Parent fitting(Parent content, boolean shrunk) {
        if (!shrunk) {
            return content;
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("window-scroll");
        return scroll;
    }

    private void prepare(Dialog<?> dialog) {
        Window parent = owner.get();
        if (parent != null) {
            dialog.initOwner(parent);
        }
        dialog.getDialogPane().getStylesheets().add(ViewLoader.appStylesheet());
    }
}
