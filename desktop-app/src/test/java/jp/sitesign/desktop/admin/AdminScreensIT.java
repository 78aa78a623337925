package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.SyncStatusHolder;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 管理 in a real (headless Monocle) window on the real server: an admin registers a user (a refusal keeps
 * the form open with the input) and gives them signing authority with the company's certificate; and
 * a 一般利用者's window has no 管理 at all.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreensIT {
    static final String NAME = "管理フロー建設株式会社";
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;
    static String certificate;

    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany(NAME);
        admin = fx.clientOf(company.admin());
        String token = server.api().login(company.owner().value(), TestServer.PASSWORD);
        certificate = TestCertificates.register(server.api(), token, TestCertificates.company(server, NAME));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(Scene scene) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(scene);
            stage.show();
        }).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<UserView> users(FxRobot robot) {
        // The first tab's table: the audit log's table has the same id.
        return (TableView<UserView>) robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().get(0).getContent()
                .lookup("#table");
    }

    private static Optional<UserView> row(FxRobot robot, String name) {
        return users(robot).getItems().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    @Test
    void adminRegistersAUserAndGivesSigningAuthority(FxRobot robot) throws Exception {
        show(WaitForAsyncUtils.asyncFx(() -> new Scene(new AdminView(admin, Platform::runLater,
                I18n.bundle(Language.JA)).load(), 1200, 760)).get(20, TimeUnit.SECONDS));
        waitUntil(() -> !robot.lookup("#registerButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#registerButton");
        waitUntil(() -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#nameInput").queryAs(TextField.class).setText("署名 新人");
            robot.lookup("#nameKanaInput").queryAs(TextField.class).setText("ショメイ シンジン");
            robot.lookup("#emailInput").queryAs(TextField.class).setText("not-an-address");
            robot.lookup("#departmentInput").queryAs(TextField.class).setText("工務部");
            robot.lookup("#titleInput").queryAs(TextField.class).setText("所長");
        });
        robot.clickOn("保存する");
        waitUntil(() -> robot.lookup("#formError").queryAs(Label.class).getText().contains("メールアドレス"));
        assertThat(robot.lookup("#nameInput").queryAs(TextField.class).getText())
                .as("the form is still open with what was typed").isEqualTo("署名 新人");
        assertThat(robot.lookup("#departmentInput").queryAs(TextField.class).getText()).isEqualTo("工務部");

        robot.interact(() -> robot.lookup("#emailInput").queryAs(TextField.class).setText("shinjin@example.invalid"));
        robot.clickOn("保存する");
        waitUntil(() -> robot.lookup("#oneTimePassword").tryQuery().isPresent());
        assertThat(robot.lookup("#nameInput").tryQuery()).as("the form closed on success").isEmpty();
        waitUntil(() -> robot.lookup("控えました").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("控えました");
        waitUntil(() -> row(robot, "署名 新人").isPresent());
        assertThat(row(robot, "署名 新人").orElseThrow().signingAuthority()).isFalse();

        robot.interact(() -> users(robot).getSelectionModel().select(row(robot, "署名 新人").orElseThrow()));
        waitUntil(() -> !robot.lookup("#grantAuthorityButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#grantAuthorityButton");
        try {
            waitUntil(() -> robot.lookup("#certificateChoice").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no certificate choice; error label: "
                    + robot.lookup("#errorLabel").queryAs(Label.class).getText() + " windows: "
                    + robot.listWindows(), e);
        }
        waitUntil(() -> robot.lookup("付与する").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("付与する");

        waitUntil(() -> row(robot, "署名 新人").map(UserView::signingAuthority).orElse(false));
        String id = row(robot, "署名 新人").orElseThrow().id();
        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("署名権限を付与しました"));
        assertThat(admin.certificates()).filteredOn(c -> c.number().equals(certificate)).singleElement()
                .satisfies(c -> assertThat(c.bindings()).extracting(AdminClient.Binding::userId).contains(id));

        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        waitUntil(() -> robot.lookup("#certificateTable").queryAs(TableView.class).getItems().size() == 1);
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class))
                .anySatisfy(c -> assertThat(c.getText()).contains("署名 新人（" + id + "）"));
    }

    @Test
    void aMembersWindowHasNoAdminSection(FxRobot robot) throws Exception {
        AdminClient member = fx.clientOf(company.member());
        boolean administers = AdminAccess.of(member.me()).administers();
        Path home = Files.createTempDirectory("sitesign-admin-fx");
        SettingsFile settings = new SettingsFile(home);
        AppShell shell = new AppShell(settings.load(), settings, new SyncStatusHolder(), PageRenderer.withPdfBox(),
                Platform::runLater);
        shell.admin(member, administers);
        show(WaitForAsyncUtils.asyncFx(shell::scene).get(20, TimeUnit.SECONDS));

        @SuppressWarnings("unchecked")
        ListView<Section> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        assertThat(navigation.getItems()).contains(Section.CONTRACTS).doesNotContain(Section.ADMIN);
        assertThat(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.Labeled.class))
                .noneSatisfy(c -> assertThat(c.getText()).isEqualTo("管理"));

        AdminClient owner = fx.clientOf(company.owner());
        boolean ownerAdministers = AdminAccess.of(owner.me()).administers();
        robot.interact(() -> shell.admin(owner, ownerAdministers));
        waitUntil(() -> navigation.getItems().contains(Section.ADMIN));
    }
}
