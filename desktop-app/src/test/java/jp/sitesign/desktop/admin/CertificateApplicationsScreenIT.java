package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
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
 * 証明書の申請's form in a real (headless Monocle) window on the real server: refused by the server it stays open
 * with the server's message and what was typed; accepted, it closes and the application is listed.
 */
@ExtendWith(ApplicationExtension.class)
class CertificateApplicationsScreenIT {
    static TestServer server;
    static AdminClient admin;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        AdminFixture fx = new AdminFixture(server);
        admin = fx.clientOf(server.createCompany("申請画面操作建設株式会社").admin());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        CertificateApplicationsViewModel viewModel = new CertificateApplicationsViewModel(admin,
                new AdminTasks(r -> new Thread(r, "admin-test").start(), Platform::runLater, I18n.bundle(Language.JA)));
        stage.setScene(new Scene(new CertificateApplicationsView(viewModel, I18n.bundle(Language.JA)).load(), 1100,
                700));
        stage.show();
        viewModel.refresh();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void aRefusedFormStaysOpenWithTheServersMessage_andAnAcceptedOneClosesAndIsListed(FxRobot robot)
            throws Exception {
        waitUntil(() -> !robot.lookup("#applyButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#applyButton");
        waitUntil(() -> robot.lookup("#holderNameInput").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#holderNameInput").queryAs(TextField.class).setText("現場 太郎");
            robot.lookup("#holderDepartmentInput").queryAs(TextField.class).setText("工務部");
            robot.lookup("#holderTitleInput").queryAs(TextField.class).setText("所長");
        });
        robot.clickOn("申請する");
        waitUntil(() -> !robot.lookup("#formError").queryAs(Label.class).getText().isBlank());
        assertThat(robot.lookup("#holderNameInput").queryAs(TextField.class).getText()).isEqualTo("現場 太郎");

        robot.interact(() -> robot.lookup("#reasonInput").queryAs(TextArea.class).setText("新しい現場の署名者のため"));
        robot.clickOn("申請する");
        waitUntil(() -> robot.lookup("#holderNameInput").tryQuery().isEmpty());
        waitUntil(() -> robot.lookup("#applicationTable").queryAs(TableView.class).getItems().size() == 1);
    }
}
