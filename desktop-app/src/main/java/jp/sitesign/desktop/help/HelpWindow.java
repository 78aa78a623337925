package jp.sitesign.desktop.help;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UiFont;

/**
 * The 操作マニュアル in a window of its own, opened by F1 (on the login and main windows) and by the help
 * button or menu item. One help window at a time: asking again brings it to the front on the chapter asked for.
 */
public final class HelpWindow {
    /** F1, the shortcut Windows users know for help. */
    public static final KeyCodeCombination F1 = new KeyCodeCombination(KeyCode.F1);
    private static Stage shown;
    private static HelpViewModel shownModel;
    private static Language shownLanguage;

    private HelpWindow() {
    }

    /**
     * Opens (or brings forward) the manual in the bundle's language on chapter {@code chapter} (null: the
     * chapter it shows already, the first one for a new window).
     */
    public static Stage show(Window owner, ResourceBundle bundle, String chapter) {
        Language language = Language.of(bundle);
        if (shown == null || !shown.isShowing() || shownLanguage != language) {
            if (shown != null) {
                shown.close();
            }
            shownModel = new HelpViewModel(Manual.load(language));
            if (chapter != null) {
                shownModel.open(chapter); // before the window shows, so it never shows the first chapter in passing
            }
            Parent root = new HelpView(shownModel).load(bundle);
            root.setStyle("-fx-font-family: '" + UiFont.family(Font.getFamilies()) + "';");
            Stage stage = jp.sitesign.desktop.ui.FxDialogService.ownedBy(owner).window(
                    bundle.getString("help.title"), root, 1060, 720, false);
            stage.getScene().setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    stage.close();
                }
            });
            shown = stage;
            shownLanguage = language;
        }
        if (chapter != null) {
            shownModel.open(chapter);
        }
        shown.show();
        shown.toFront();
        return shown;
    }

    /** F1 on {@code scene} opens the manual on the chapter {@code chapter} names at that moment. */
    public static void installShortcut(Scene scene, ResourceBundle bundle, Supplier<String> chapter) {
        scene.getAccelerators().put(F1, () -> show(scene.getWindow(), bundle, chapter.get()));
    }

    /** A menu item (for a menu bar) opening the manual, showing F1 as its shortcut. */
    public static MenuItem menuItem(ResourceBundle bundle, Supplier<Window> owner) {
        MenuItem item = new MenuItem(bundle.getString("help.menuItem"));
        item.setId("helpMenuItem");
        item.setAccelerator(F1);
        item.setOnAction(e -> show(owner.get(), bundle, null));
        return item;
    }
}
