package jp.sitesign.desktop.app;

import java.io.UncheckedIOException;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.WindowPlacement;

/**
 * Puts the app's window where it was last time (on that screen, if it is still there, and inside what the screen
 * leaves to windows), or centred at a size that fits the screen; and remembers where it is when the app ends.
 * The login and the main window are the same window, so logging in never moves or resizes it.
 */
public final class WindowKeeper {
    private final Stage stage;
    private final Settings settings;
    private final SettingsFile file;
    /** The window's last bounds while neither maximised nor minimised: what a restore goes back to. */
    private Rectangle2D normal;

    private WindowKeeper(Stage stage, Settings settings, SettingsFile file) {
        this.stage = stage;
        this.settings = settings;
        this.file = file;
    }

    /** Places {@code stage} before it is shown, and follows it so {@link #save} knows where it was. */
    public static WindowKeeper place(Stage stage, Settings settings, SettingsFile file) {
        WindowKeeper keeper = new WindowKeeper(stage, settings, file);
        WindowPlacement p = WindowPlacement.restore(WindowPlacement.parse(settings.windowPlacementProperty().get()),
                displays(), display(Screen.getPrimary()));
        Rectangle2D w = p.window();
        stage.setX(w.getMinX());
        stage.setY(w.getMinY());
        stage.setWidth(w.getWidth());
        stage.setHeight(w.getHeight());
        stage.setMaximized(p.maximized());
        keeper.normal = w;
        stage.xProperty().addListener(o -> keeper.follow());
        stage.yProperty().addListener(o -> keeper.follow());
        stage.widthProperty().addListener(o -> keeper.follow());
        stage.heightProperty().addListener(o -> keeper.follow());
        return keeper;
    }

    private void follow() {
        if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing() && stage.getWidth() > 0) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    /** The placement now: the screen under most of the window, its normal bounds and whether it is maximised. */
    public WindowPlacement placement() {
        List<Screen> under = Screen.getScreensForRectangle(normal.getMinX(), normal.getMinY(), normal.getWidth(),
                normal.getHeight());
        Screen screen = under.isEmpty() ? Screen.getPrimary() : under.get(0);
        return new WindowPlacement(screen.getBounds(), normal, stage.isMaximized());
    }

    /** Writes the placement into the settings file (when the app ends). */
    public void save() {
        settings.windowPlacementProperty().set(placement().encode());
        try {
            file.save(settings);
        } catch (UncheckedIOException e) {
            System.err.println("SiteSign: " + e.getMessage() + " — the window's place is not kept");
        }
    }

    private static List<WindowPlacement.Display> displays() {
        return Screen.getScreens().stream().map(WindowKeeper::display).toList();
    }

    private static WindowPlacement.Display display(Screen s) {
        return new WindowPlacement.Display(s.getBounds(), s.getVisualBounds());
    }
}
