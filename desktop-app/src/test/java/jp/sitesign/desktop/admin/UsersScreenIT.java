package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The users screen in a real (headless Monocle) window on the real server: the owner's row cannot be
 * edited, and registering a user shows the one-time password once, in a dialog, which then logs in.
 */
@ExtendWith(ApplicationExtension.class)
class UsersScreenIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;

    private UsersViewModel viewModel;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany("画面試験建設株式会社");
        admin = fx.clientOf(company.admin());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        viewModel = new UsersViewModel(admin, new AdminTasks(r -> new Thread(r, "admin-test").start(),
                Platform::runLater, I18n.bundle(Language.JA)));
        stage.setScene(new Scene(new UsersView(viewModel, I18n.bundle(Language.JA)).load(), 1100, 700));
        stage.show();
        viewModel.refresh();
    }

    @SuppressWarnings("unchecked")
    private static TableView<UserView> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void theOwnersRowHasItsActionsDisabledWithTheReasonShown(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().stream().anyMatch(u -> u.id().equals(company.owner().value())));
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(u -> u.id().equals(company.owner().value())).findFirst().orElseThrow()));

        assertThat(robot.lookup("#editButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#suspendButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#deleteButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#reasonLabel").queryLabeled().getText()).contains("責任者");

        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(u -> u.id().equals(company.member().value())).findFirst().orElseThrow()));
        assertThat(robot.lookup("#suspendButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void registeringShowsTheOneTimePasswordInADialogOnce(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#registerButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#registerButton");
        waitUntil(() -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#nameInput").queryAs(TextField.class).setText("画面 登録");
            robot.lookup("#nameKanaInput").queryAs(TextField.class).setText("ガメン トウロク");
            robot.lookup("#emailInput").queryAs(TextField.class).setText("screen@example.invalid");
            robot.lookup("#departmentInput").queryAs(TextField.class).setText("工務部");
            robot.lookup("#titleInput").queryAs(TextField.class).setText("係長");
        });
        robot.clickOn("保存する");

        waitUntil(() -> robot.lookup("#oneTimePassword").tryQuery().isPresent());
        String otp = robot.lookup("#oneTimePassword").queryAs(TextField.class).getText();
        assertThat(otp).isNotBlank();
        assertThat(robot.lookup("#copyOneTimePassword").tryQuery()).isPresent();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("二度と表示されません"));
        String id = viewModel.registeredProperty().get().user().id();
        ServerApi.Login login = fx.api.login(id, otp.toCharArray());
        assertThat(login.mustChangePassword()).isTrue();

        robot.clickOn("控えました");
        waitUntil(() -> robot.lookup("#oneTimePassword").tryQuery().isEmpty());
        assertThat(viewModel.registeredProperty().get()).isNull();
        waitUntil(() -> table(robot).getItems().stream().anyMatch(u -> u.id().equals(id)));
    }
}
