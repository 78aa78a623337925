package jp.sitesign.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window the app opens (the signing dialog asks for 1100×820) fits the screen it opens on and scrolls instead of
 * losing its bottom; one that fits is left as it is; Escape closes either.
 */
@ExtendWith(ApplicationExtension.class)
class DialogWindowFxTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 800, 500));
        stage.show();
    }

    @Test
    void aWindowTallerThanTheScreenIsShrunkToItAndScrolls(FxRobot robot) throws Exception {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        Region tall = new Region();
        tall.setMinSize(1000, 2000);

        Stage window = onFx(() -> FxDialogService.ownedBy(owner).window("tall", new StackPane(tall), 1100, 2000,
                true));

        assertThat(onFx(() -> window.getScene().getHeight())).isLessThanOrEqualTo(
                screen.getHeight() - FxDialogService.FRAME_HEIGHT);
        assertThat(onFx(() -> window.getScene().getRoot())).isInstanceOf(ScrollPane.class);
        robot.interact(() -> window.requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(window::isShowing)).as("Escape closes it").isFalse();
    }

    @Test
    void aWindowThatFitsKeepsItsSizeAndContent(FxRobot robot) throws Exception {
        StackPane content = new StackPane();

        Stage window = onFx(() -> FxDialogService.ownedBy(owner).window("small", content, 600, 400, false));

        assertThat(onFx(() -> window.getScene().getRoot())).isSameAs(content);
        assertThat(onFx(() -> window.getScene().getHeight())).isEqualTo(400);
        robot.interact(() -> window.requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(window::isShowing)).isFalse();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
