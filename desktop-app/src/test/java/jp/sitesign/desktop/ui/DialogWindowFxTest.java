package jp.sitesign.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
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
 * losing its bottom; one that fits is left as it is; Escape closes either. A form dialog taller than the screen is
 * limited to the screen with its content scrolling and its buttons on the screen; a small one is left unchanged.
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

    @Test
    void aFormDialogTallerThanTheScreenFitsItAndKeepsItsButtonsVisible() throws Exception {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        VBox fields = new VBox(8);
        for (int i = 0; i < 40; i++) {
            TextField field = new TextField();
            field.setId("field" + i);
            fields.getChildren().addAll(new Label("項目 " + i), field);
        }
        Dialog<ButtonType> dialog = onFx(() -> form("tall", fields));
        assertThat(onFx(() -> {
            dialog.getDialogPane().applyCss();
            return dialog.getDialogPane().prefHeight(-1);
        })).as("the form is taller than the screen")
                .isGreaterThan(screen.getHeight());

        show(dialog);
        try {
            Rectangle2D window = onFx(() -> new Rectangle2D(dialog.getX(), dialog.getY(), dialog.getWidth(),
                    dialog.getHeight()));
            assertThat(window.getMinY()).isGreaterThanOrEqualTo(screen.getMinY());
            assertThat(window.getMaxY()).isLessThanOrEqualTo(screen.getMaxY());
            assertThat(window.getMinX()).isGreaterThanOrEqualTo(screen.getMinX());
            assertThat(window.getMaxX()).isLessThanOrEqualTo(screen.getMaxX());
            assertThat(onFx(() -> dialog.getDialogPane().getContent())).isInstanceOf(ScrollPane.class);
            Bounds ok = onFx(() -> {
                Node button = dialog.getDialogPane().lookupButton(ButtonType.OK);
                return button.isVisible() ? button.localToScreen(button.getBoundsInLocal()) : null;
            });
            assertThat(ok).as("the OK button is shown").isNotNull();
            assertThat(ok.getMinY()).isGreaterThanOrEqualTo(window.getMinY());
            assertThat(ok.getMaxY()).as("the OK button is inside the window").isLessThanOrEqualTo(window.getMaxY());
            assertThat(onFx(() -> dialog.getDialogPane().lookup("#field39"))).as("fields are found by id")
                    .isSameAs(fields.getChildren().get(79));
        } finally {
            onFx(() -> {
                dialog.close();
                return null;
            });
        }
    }

    @Test
    void aFormDialogThatFitsIsLeftAsItWasBuilt() throws Exception {
        VBox fields = new VBox(8, new Label("氏名"), new TextField());
        Dialog<ButtonType> dialog = onFx(() -> form("small", fields));

        show(dialog);
        try {
            assertThat(onFx(() -> dialog.getDialogPane().getContent())).isSameAs(fields);
        } finally {
            onFx(() -> {
                dialog.close();
                return null;
            });
        }
    }

    private static Dialog<ButtonType> form(String title, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog;
    }

    /** Shows the dialog through the service (which waits for its answer in a nested loop) and waits until it shows. */
    private void show(Dialog<ButtonType> dialog) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        onFx(() -> {
            dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> shown.countDown());
            Platform.runLater(() -> FxDialogService.ownedBy(owner).showAndWait(dialog));
            return null;
        });
        assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
