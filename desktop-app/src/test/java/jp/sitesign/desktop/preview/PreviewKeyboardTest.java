package jp.sitesign.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preview in a real (headless Monocle) window on a generated 50-page PDF: page 1 appears, the keys
 * page through it, and every page is drawn on the render thread, never on the JavaFX thread; while
 * drawing is held back the window still answers keys.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewKeyboardTest {
    @TempDir
    static Path dir;
    static Path pdf;

    private final RecordingSource.Opener opener = new RecordingSource.Opener();
    private PageRenderer renderer;
    private PreviewViewModel viewModel;

    @BeforeAll
    static void document() {
        pdf = TestDocuments.pages(dir, 50);
    }

    @Start
    void start(Stage stage) {
        renderer = new PageRenderer(opener, 64L << 20);
        viewModel = new PreviewViewModel(renderer, Platform::runLater, I18n.bundle(Language.JA));
        stage.setScene(new Scene(new PreviewView(viewModel).load(I18n.bundle(Language.JA)), 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        opener.releaseAll();
        renderer.close();
    }

    @Test
    void aFiftyPagePdfOpensAtPageOneAndThePageKeysFlipThroughItWhileTheFxThreadNeverDraws(FxRobot robot)
            throws Exception {
        robot.interact(() -> viewModel.open(pdf));
        waitForShown(robot, 0);
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("1 / 50");

        robot.clickOn("#pageScroll");
        robot.type(KeyCode.PAGE_DOWN);
        waitForShown(robot, 1);
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("2 / 50");

        robot.type(KeyCode.RIGHT);
        waitForShown(robot, 2);
        robot.type(KeyCode.PAGE_UP);
        waitForShown(robot, 1);
        robot.type(KeyCode.END);
        waitForShown(robot, 49);
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("50 / 50");
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.HOME);
        waitForShown(robot, 0);
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("1 / 50");

        assertThat(opener.drawings).isNotEmpty();
        assertThat(opener.drawings).noneMatch(d -> isFxThread(d.thread()));
        assertThat(opener.openedOn).noneMatch(PreviewKeyboardTest::isFxThread);
        assertThat(opener.drawings.stream().map(RecordingSource.Drawing::thread).distinct())
                .as("one render thread owns the document").hasSize(1);
    }

    @Test
    void keysStillTurnThePagesWhileTheRenderThreadIsBusy(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.open(pdf));
        waitForShown(robot, 0);
        opener.hold();
        robot.clickOn("#pageScroll");

        robot.type(KeyCode.END);
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.PAGE_UP);

        // Drawing is held, so the FX thread could only have handled these keys by not waiting for it.
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("48 / 50");
        assertThat(onFx(() -> viewModel.loadingProperty().get())).isTrue();
        javafx.scene.control.ListView<?> strip = robot.lookup("#thumbnails").queryAs(javafx.scene.control.ListView.class);
        assertThat(onFx(() -> strip.getSelectionModel().getSelectedIndex()))
                .as("the thumbnail strip waits until the page is on screen, so its drawings never go first").isZero();
        opener.releaseAll();
        waitForShown(robot, 47);
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> strip.getSelectionModel().getSelectedIndex() == 47));
    }

    private void waitForShown(FxRobot robot, int pageIndex) throws Exception {
        ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            RenderedPage shown = viewModel.shownPageProperty().get();
            return shown != null && shown.pageIndex() == pageIndex && image.getImage() != null;
        }));
        assertThat(onFx(image::getAccessibleText)).isEqualTo((pageIndex + 1) + " ページ目");
        assertThat(onFx(() -> image.getImage().getWidth())).isGreaterThan(100);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static boolean isFxThread(Thread t) {
        return "JavaFX Application Thread".equals(t.getName());
    }
}
