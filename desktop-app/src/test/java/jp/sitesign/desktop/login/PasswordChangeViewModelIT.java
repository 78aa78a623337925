package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forced password change after a login with a one-time password, against the real server: the rules
 * are the server's and its message is shown; a mismatched confirmation never reaches the server; after the
 * change the new password logs in and the old one does not.
 */
class PasswordChangeViewModelIT {
    static TestServer server;
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);
    static final String ONE_TIME = "OneTime-Pass-77";

    @TempDir
    Path home;
    DesktopSession session;
    final AtomicInteger changed = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void logout() {
        if (session != null) {
            session.logout();
        }
    }

    private DesktopSession login(UserId user, String password) {
        return DesktopSession.login(new LocalStores(home), URI.create(server.server().baseUrl()),
                server.server().tls().certificate(), user.value(), password.toCharArray(), Clock.systemUTC());
    }

    private UserId userWithOneTimePassword(String company) {
        UserId user = server.createCompany(company).member();
        server.context().auth().setPassword(user, ONE_TIME, true);
        session = login(user, ONE_TIME);
        assertThat(session.mustChangePassword()).isTrue();
        return user;
    }

    private PasswordChangeViewModel viewModel(ResourceBundle bundle) {
        return new PasswordChangeViewModel(bundle, session, Runnable::run, Runnable::run, changed::incrementAndGet);
    }

    @Test
    void aNewPasswordTheServerAcceptsReplacesTheOneTimePassword() {
        UserId user = userWithOneTimePassword("初回建設株式会社");
        PasswordChangeViewModel vm = viewModel(JA);
        vm.currentProperty().set(ONE_TIME);
        vm.nextProperty().set("Brand-New-Secret-2026");
        vm.confirmationProperty().set("Brand-New-Secret-2026");
        vm.change();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(changed).hasValue(1);
        assertThat(vm.nextProperty().get()).isEmpty();
        session.logout();
        session = login(user, "Brand-New-Secret-2026");
        assertThat(session.mustChangePassword()).isFalse();
    }

    @Test
    void aPasswordBreakingTheServersRulesShowsTheServersReasonInTheChosenLanguage() {
        userWithOneTimePassword("規則建設株式会社");
        PasswordChangeViewModel vm = viewModel(EN);
        vm.currentProperty().set(ONE_TIME);
        vm.nextProperty().set("short");
        vm.confirmationProperty().set("short");
        vm.change();

        assertThat(changed).hasValue(0);
        assertThat(vm.errorProperty().get()).isNotBlank().isNotEqualTo(ErrorCode.PASSWORD_RULE.messageJa())
                .matches("[\\x20-\\x7e]+");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aConfirmationThatDiffersIsCaughtHereAndTheOneTimePasswordStillWorks() {
        UserId user = userWithOneTimePassword("確認建設株式会社");
        PasswordChangeViewModel vm = viewModel(JA);
        vm.currentProperty().set(ONE_TIME);
        vm.nextProperty().set("Brand-New-Secret-2026");
        vm.confirmationProperty().set("Brand-New-Secret-2062");
        vm.change();

        assertThat(vm.errorProperty().get()).isEqualTo(JA.getString("passwordChange.error.mismatch"));
        assertThat(changed).hasValue(0);
        session.logout();
        session = login(user, ONE_TIME);
        assertThat(session.mustChangePassword()).isTrue();
    }

    @Test
    void aWrongCurrentPasswordIsRefused() {
        userWithOneTimePassword("現行建設株式会社");
        PasswordChangeViewModel vm = viewModel(JA);
        vm.currentProperty().set("Not-The-One-Time-1");
        vm.nextProperty().set("Brand-New-Secret-2026");
        vm.confirmationProperty().set("Brand-New-Secret-2026");
        vm.change();

        assertThat(vm.errorProperty().get()).isEqualTo("現在のパスワードが違います。");
        assertThat(changed).hasValue(0);
    }
}
