package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.integration.ApplicationStatus;
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
 * The API 連携 tab in a real (headless Monocle) window on the real server: the application form refuses an address
 * that is not a CIDR under its field and stays open, an accepted application is listed as 審査中; once the operator
 * approved it the key is shown once in a dialog with a copy button and the warning, and a new key is issued only
 * after the question is answered.
 */
@ExtendWith(ApplicationExtension.class)
class ApiApplicationsScreenIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;

    private ApiApplicationsViewModel viewModel;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany("連携画面操作建設株式会社");
        admin = fx.clientOf(company.admin());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        AdminTasks tasks = new AdminTasks(r -> new Thread(r, "admin-test").start(), Platform::runLater,
                I18n.bundle(Language.JA)).dialogs(FxDialogService.ownedBy(stage));
        viewModel = new ApiApplicationsViewModel(new IntegrationClient(admin), tasks);
        stage.setScene(new Scene(new ApiApplicationsView(viewModel, I18n.bundle(Language.JA)).load(), 1300, 760));
        stage.show();
        viewModel.refresh();
    }

    @SuppressWarnings("unchecked")
    private static TableView<IntegrationClient.ApiApplication> table(FxRobot robot) {
        return robot.lookup("#applicationTable").queryAs(TableView.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void applyingThenTakingTheKeyOnce_andANewKeyOnlyAfterAsking(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#applyButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#applyButton");
        waitUntil(() -> robot.lookup("#apiNameInput").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#apiNameInput").queryAs(TextField.class).setText("画面からの連携");
            robot.lookup("#apiPurposeInput").queryAs(TextArea.class).setText("受注データから注文書を作成するため");
            robot.lookup("#scope-contracts-read").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#apiAddressesInput").queryAs(TextArea.class).setText("127.0.0.1/32\n300.1.2.3/8");
            robot.lookup("#apiContactInput").queryAs(TextField.class).setText("情報システム部");
        });
        robot.clickOn("#apiSendButton");
        waitUntil(() -> robot.lookup("#apiAddressesError").queryAs(Label.class).getText().contains("300.1.2.3/8"));
        assertThat(robot.lookup("#apiNameInput").tryQuery()).as("the form stays open").isPresent();

        robot.interact(() -> robot.lookup("#apiAddressesInput").queryAs(TextArea.class)
                .setText("127.0.0.1/32\n::1"));
        robot.clickOn("#apiSendButton");
        waitUntil(() -> robot.lookup("#apiNameInput").tryQuery().isEmpty());
        waitUntil(() -> table(robot).getItems().size() == 1);
        IntegrationClient.ApiApplication pending = table(robot).getItems().get(0);
        assertThat(viewModel.statusText(pending)).isEqualTo("審査中");
        assertThat(pending.allowedAddresses()).containsExactly("127.0.0.1/32", "::1");
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        assertThat(robot.lookup("#keyButton").queryAs(Button.class).isDisabled()).as("not approved yet").isTrue();

        server.context().integration().review(pending.id(), ApplicationStatus.Review.APPROVE, null);
        robot.clickOn("#refreshButton");
        waitUntil(() -> !robot.lookup("#keyButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#keyButton");
        waitUntil(() -> robot.lookup("#apiKey").tryQuery().isPresent());
        String key = robot.lookup("#apiKey").queryAs(TextField.class).getText();
        assertThat(key).startsWith("ssk_");
        assertThat(robot.lookup("#copyApiKey").tryQuery()).isPresent();
        assertThat(robot.lookup("#apiKeyWarning").queryAs(Label.class).getText()).contains("二度と表示されません");
        assertThat(server.api().get("/api/v1/contracts", key).status()).isEqualTo(200);
        robot.clickOn("控えました");
        waitUntil(() -> robot.lookup("#apiKey").tryQuery().isEmpty());
        waitUntil(() -> robot.lookup("#keyButton").queryAs(Button.class).getText().contains("再発行"));

        robot.clickOn("#keyButton");
        waitUntil(() -> robot.lookup("#rotateKeyQuestion").tryQuery().isPresent());
        robot.clickOn("キャンセル");
        waitUntil(() -> robot.lookup("#rotateKeyQuestion").tryQuery().isEmpty());
        assertThat(robot.lookup("#apiKey").tryQuery()).as("no new key without a yes").isEmpty();
        assertThat(server.api().get("/api/v1/contracts", key).status()).isEqualTo(200);

        robot.clickOn("#keyButton");
        waitUntil(() -> robot.lookup("#rotateKeyQuestion").tryQuery().isPresent());
        robot.clickOn("再発行する");
        waitUntil(() -> robot.lookup("#apiKey").tryQuery().isPresent());
        String rotated = robot.lookup("#apiKey").queryAs(TextField.class).getText();
        assertThat(rotated).startsWith("ssk_").isNotEqualTo(key);
        robot.clickOn("控えました");
        assertThat(server.api().get("/api/v1/contracts", key).status()).as("the old key stopped").isEqualTo(401);
    }
}
