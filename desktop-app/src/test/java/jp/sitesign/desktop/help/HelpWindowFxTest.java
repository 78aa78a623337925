package jp.sitesign.desktop.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.SyncStatusHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * F1 on the main window opens the 操作マニュアル in its own window: the twelve chapters in the list, the chapter
 * of the section shown (契約一覧) with a real picture of the screen; choosing another chapter shows it; the header's
 * ヘルプ button opens the same window.
 */
@ExtendWith(ApplicationExtension.class)
class HelpWindowFxTest {
    @TempDir
    static java.nio.file.Path home;
    private PageRenderer renderer;
    private Stage main;

    @Start
    void start(Stage stage) {
        renderer = PageRenderer.withPdfBox();
        AppShell shell = new AppShell(new Settings(), new SettingsFile(home), new SyncStatusHolder(), renderer,
                Runnable::run);
        stage.setScene(shell.scene());
        stage.show();
        main = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        javafx.application.Platform.runLater(() -> Window.getWindows().stream().filter(w -> w != main).toList()
                .forEach(Window::hide));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        renderer.close();
    }

    @Test
    void f1OpensTheManualWithItsChaptersAndAPictureOfTheScreen(FxRobot robot) throws Exception {
        // F1 as the keyboard sends it to the window (an event through the scene, where accelerators are handled).
        javafx.application.Platform.runLater(() -> javafx.event.Event.fireEvent(main.getScene().getRoot(),
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.F1, false,
                        false, false, false)));
        Parent help = await(() -> helpWindow().orElse(null));

        @SuppressWarnings("unchecked")
        ListView<Manual.Chapter> chapters = (ListView<Manual.Chapter>) help.lookup("#chapterList");
        assertThat(chapters.getItems()).hasSize(12);
        assertThat(chapters.getItems().get(0).title()).isEqualTo("ログイン");
        await(() -> chapters.getSelectionModel().getSelectedItem() != null
                && "contracts".equals(chapters.getSelectionModel().getSelectedItem().id()) ? true : null); // F1 on 契約一覧
        ImageView picture = await(() -> help.lookupAll(".help-image").stream().findFirst()
                .map(ImageView.class::cast).orElse(null));
        assertThat(picture.getImage()).isNotNull();
        assertThat(picture.getImage().getWidth()).isGreaterThan(200);
        assertThat(picture.getUserData()).isEqualTo("contracts-ja.png");

        javafx.application.Platform.runLater(() -> chapters.getSelectionModel().select(9));
        await(() -> help.lookupAll(".help-chapter-title").stream()
                .anyMatch(n -> "自分の情報".equals(((javafx.scene.control.Label) n).getText())) ? true : null);
    }

    @Test
    void theHeaderHelpButtonOpensTheManual(FxRobot robot) throws Exception {
        javafx.scene.control.Button button = (javafx.scene.control.Button) robot.lookup("#helpButton").query();
        javafx.application.Platform.runLater(button::fire);
        Parent help = await(() -> helpWindow().orElse(null));
        assertThat(help.lookup("#chapterList")).isNotNull();
    }

    private static Optional<Parent> helpWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "SiteSign 操作マニュアル".equals(s.getTitle())).findFirst().map(w -> w.getScene().getRoot())
                .filter(root -> root.lookup("#chapterList") != null); // once laid out (the split pane's skin)
    }

    private static <T> T await(Callable<T> value) throws Exception {
        Object[] got = new Object[1];
        waitFor(60, TimeUnit.SECONDS, () -> (got[0] = value.call()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) got[0];
        return t;
    }
}
