package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The login screen names the product, tells a user who forgot their password to ask their 管理者, and — only in
 * the demo — says where the demo logins are (the file and the terminal), without any password on screen.
 */
@ExtendWith(ApplicationExtension.class)
class LoginHintsFxTest {
    private static final ResourceBundle JA = I18n.bundle(Language.JA);
    private static final Path CREDENTIALS = Path.of("/srv/sitesign/data/demo/demo-credentials.txt");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    private void show(boolean demo) {
        LoginViewModel vm = new LoginViewModel(JA, "https://127.0.0.1:8443", (user, password) -> {
            throw new IllegalStateException("no login in this test");
        }, Runnable::run, Runnable::run, loggedIn -> { });
        if (demo) {
            vm.demo(CREDENTIALS);
        }
        WaitForAsyncUtils.asyncFx(() -> stage.setScene(new Scene(new LoginView(vm).load(JA), 800, 600)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theLoginNamesTheProductAndSaysToAskTheAdministratorForAForgottenPassword(FxRobot robot) {
        show(false);
        assertThat(label(robot, "#productName").getText()).isEqualTo("SiteSign 電子契約");
        assertThat(label(robot, "#forgotHint").getText()).isEqualTo("パスワードを忘れた場合は管理者に連絡してください。");
        assertThat(label(robot, "#forgotHint").isVisible()).isTrue();
    }

    @Test
    void outsideTheDemoThereIsNoDemoHint(FxRobot robot) {
        show(false);
        Label hint = label(robot, "#demoHint");
        assertThat(hint.isVisible()).isFalse();
        assertThat(hint.getText()).isEmpty();
    }

    @Test
    void inTheDemoTheHintNamesTheCredentialsFileAndTheTerminalButNoPassword(FxRobot robot) {
        show(true);
        Label hint = label(robot, "#demoHint");
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains(CREDENTIALS.toString()).contains("ターミナル")
                .doesNotContainIgnoringCase("password:");
    }

    private static Label label(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return (Label) n;
    }
}
