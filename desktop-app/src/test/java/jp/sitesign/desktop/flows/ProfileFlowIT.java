package jp.sitesign.desktop.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.sitesign.desktop.app.EntryFlow;
import jp.sitesign.desktop.login.ServerTrustFile;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 自分の情報 in the real window against the real server on loopback, as a 一般利用者: the header button opens it
 * with the user's ID, company and role read-only; a new name, kana and email are saved on the server and shown
 * when the window is opened again; the password changed there is the one the next login needs (the old one is
 * refused).
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFlowIT {
    private static final String NEW_PASSWORD = "Kawara-Lantern-2026";
    static TestServer server;
    static TestServer.TestCompany company;

    @TempDir
    static Path home;
    private EntryFlow flow;
    private PageRenderer renderer;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Map.of());
        company = server.createCompany("自分の情報建設株式会社");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        new ServerTrustFile(home).save(new ServerTrustFile.ServerTrust(URI.create(server.server().baseUrl()),
                server.server().tls().certificate()));
        renderer = PageRenderer.withPdfBox();
        flow = new EntryFlow(stage, home, new Settings(), new SettingsFile(home), renderer, Clock.systemUTC());
        flow.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        flow.close();
        renderer.close();
    }

    @Test
    void aMemberEditsTheirProfileAndChangesThePasswordTheNextLoginNeeds(FxRobot robot) throws Exception {
        String member = company.member().value();
        login(robot, member, TestServer.PASSWORD);

        Parent profile = openProfile(robot);
        waitUntil(() -> !text(profile, "#userIdLabel").isEmpty() && !text(profile, "#nameField").isEmpty());
        assertThat(text(profile, "#userIdLabel")).isEqualTo(member);
        assertThat(text(profile, "#roleLabel")).isEqualTo("一般利用者");
        assertThat(text(profile, "#companyLabel")).isEqualTo("自分の情報建設株式会社");

        set(robot, profile, "#nameField", "現場 次郎");
        set(robot, profile, "#nameKanaField", "ゲンバ ジロウ");
        set(robot, profile, "#emailField", "not-an-address");
        fire(profile.lookup("#saveButton"));
        waitUntil(() -> text(profile, "#errorLabel").contains("メールアドレスの形式が正しくありません"));

        set(robot, profile, "#emailField", "jiro@example.invalid");
        fire(profile.lookup("#saveButton"));
        waitUntil(() -> "保存しました。".equals(text(profile, "#statusLabel")));
        String admin = server.api().login(company.admin().value(), TestServer.PASSWORD);
        assertThat(server.api().get("/api/v1/users/" + member, admin).json().get("email").asText())
                .as("saved on the server").isEqualTo("jiro@example.invalid");

        javafx.application.Platform.runLater(() -> profile.getScene().getWindow().hide());
        Parent again = openProfile(robot);
        waitUntil(() -> "現場 次郎".equals(text(again, "#nameField")));
        assertThat(text(again, "#nameKanaField")).isEqualTo("ゲンバ ジロウ");
        assertThat(text(again, "#emailField")).isEqualTo("jiro@example.invalid");

        set(robot, again, "#currentPassword", TestServer.PASSWORD);
        set(robot, again, "#newPassword", NEW_PASSWORD);
        set(robot, again, "#confirmPassword", NEW_PASSWORD);
        fire(again.lookup("#changePasswordButton"));
        waitUntil(() -> "パスワードを変更しました".equals(text(again, "#statusLabel")));
        assertThat(text(again, "#passwordError")).isEmpty();
        javafx.application.Platform.runLater(() -> again.getScene().getWindow().hide());

        fire(robot.lookup("#logoutButton").query());
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        set(robot, null, "#userId", member);
        set(robot, null, "#password", TestServer.PASSWORD);
        fire(robot.lookup("#loginButton").query());
        waitUntil(() -> !text(robot.lookup("#error").<Node>query()).isEmpty());
        assertThat(robot.lookup("#onlineLabel").tryQuery()).as("the old password is refused").isEmpty();

        login(robot, member, NEW_PASSWORD);
        waitUntil(() -> robot.lookup("#onlineLabel").tryQuery().map(n -> "オンライン".equals(text(n))).orElse(false));
    }

    private static void login(FxRobot robot, String user, String password) throws Exception {
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        set(robot, null, "#userId", user);
        set(robot, null, "#password", password);
        fire(robot.lookup("#loginButton").query());
        waitUntil(() -> robot.lookup("#profileButton").tryQuery().isPresent());
    }

    private static Parent openProfile(FxRobot robot) throws Exception {
        fire(robot.lookup("#profileButton").query());
        Parent[] root = new Parent[1];
        waitUntil(() -> {
            Optional<Window> w = Window.getWindows().stream().filter(x -> x instanceof Stage s && s.isShowing()
                    && "自分の情報".equals(s.getTitle())).findFirst();
            root[0] = w.map(x -> x.getScene().getRoot()).orElse(null);
            return root[0] != null && root[0].lookup("#nameField") != null;
        });
        return root[0];
    }

    /**
     * Types into a field and presses buttons through the FX thread's queue and waits for the outcome with a
     * condition, instead of moving the robot's mouse: on a busy two-core machine TestFX's own mouse look-ups time
     * out long before the app is slow for a person.
     */
    private static void set(FxRobot robot, Parent in, String query, String value) throws Exception {
        TextInputControl field = (TextInputControl) (in == null ? robot.lookup(query).query() : in.lookup(query));
        javafx.application.Platform.runLater(() -> field.setText(value));
        waitUntil(() -> value.equals(field.getText()));
    }

    private static void fire(Node button) throws Exception {
        javafx.scene.control.ButtonBase b = (javafx.scene.control.ButtonBase) button;
        waitUntil(() -> !b.isDisabled());
        javafx.application.Platform.runLater(b::fire);
    }

    private static String text(Parent in, String query) {
        return text(in.lookup(query));
    }

    private static String text(Node node) {
        if (node instanceof TextInputControl f) {
            return f.getText();
        }
        String t = node == null ? null : ((Label) node).getText();
        return t == null ? "" : t;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitFor(120, TimeUnit.SECONDS, condition);
    }
}
