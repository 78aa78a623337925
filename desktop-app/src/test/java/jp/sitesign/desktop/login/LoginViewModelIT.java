package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login view model with a real {@link DesktopSession} against the server on loopback: online, offline
 * once the server is gone, and the server's and the local store's refusals in the chosen language.
 */
class LoginViewModelIT {
    static TestServer server;
    static int port;
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);

    @TempDir
    Path home;
    final List<LoginViewModel.LoggedIn> loggedIn = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = TestServer.start(Map.of("port", Integer.toString(port)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void logout() {
        loggedIn.forEach(l -> l.session().logout());
    }

    private LoginViewModel viewModel(ResourceBundle bundle, Executor background) {
        URI address = URI.create(server.server().baseUrl());
        LocalStores stores = new LocalStores(home);
        return new LoginViewModel(bundle, address.toString(),
                (user, password) -> DesktopSession.login(stores, address, server.server().tls().certificate(), user,
                        password, Clock.systemUTC()),
                background, Runnable::run, loggedIn::add);
    }

    private static void type(LoginViewModel vm, String user, String password) {
        vm.userIdProperty().set(user);
        vm.passwordProperty().set(password);
    }

    @Test
    void theRightPasswordLogsInOnlineAndSaysSo() {
        TestServer.TestCompany c = server.createCompany("ログイン建設株式会社");
        LoginViewModel vm = viewModel(JA, Runnable::run);
        type(vm, c.member().value(), TestServer.PASSWORD);
        assertThat(vm.canLogin().get()).isTrue();
        vm.login();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(loggedIn).hasSize(1);
        assertThat(loggedIn.get(0).session().loggedInOnline()).isTrue();
        assertThat(loggedIn.get(0).message()).isEqualTo("オンラインでログインしました");
        assertThat(vm.passwordProperty().get()).as("password not kept in the form").isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersMessageInTheChosenLanguage() {
        TestServer.TestCompany c = server.createCompany("誤り建設株式会社");
        LoginViewModel ja = viewModel(JA, Runnable::run);
        type(ja, c.member().value(), "Wrong-Horse-42");
        ja.login();
        assertThat(ja.errorProperty().get()).isEqualTo(ErrorCode.LOGIN_FAILED.messageJa());
        assertThat(loggedIn).isEmpty();

        LoginViewModel en = viewModel(EN, Runnable::run);
        type(en, c.member().value(), "Wrong-Horse-42");
        en.login();
        assertThat(en.errorProperty().get()).isEqualTo(ErrorCode.LOGIN_FAILED.messageEn());
        assertThat(en.busyProperty().get()).isFalse();
    }

    @Test
    void withTheServerGoneTheUserLogsInOfflineAfterOneOnlineLogin_andAnUnknownUserIsToldToGoOnlineFirst() {
        TestServer.TestCompany c = server.createCompany("現場建設株式会社");
        LoginViewModel first = viewModel(JA, Runnable::run);
        type(first, c.member().value(), TestServer.PASSWORD);
        first.login();
        loggedIn.remove(0).session().logout();

        server.server().close();
        try {
            LoginViewModel offline = viewModel(JA, Runnable::run);
            type(offline, c.member().value(), TestServer.PASSWORD);
            offline.login();
            assertThat(loggedIn).hasSize(1);
            assertThat(loggedIn.get(0).session().loggedInOnline()).isFalse();
            assertThat(loggedIn.get(0).message()).startsWith("オフラインでログインしました");

            LoginViewModel wrong = viewModel(EN, Runnable::run);
            type(wrong, c.member().value(), "Wrong-Horse-42");
            wrong.login();
            assertThat(wrong.errorProperty().get()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED.messageEn());

            LoginViewModel stranger = viewModel(JA, Runnable::run);
            type(stranger, c.member2().value(), TestServer.PASSWORD);
            stranger.login();
            assertThat(stranger.errorProperty().get()).isEqualTo(ErrorCode.LOCAL_STORE_MISSING.messageJa());
        } finally {
            server.restart();
        }
    }

    @Test
    void whileTheLoginRunsInTheBackgroundTheFormIsBusyAndCannotBeSentTwice() throws InterruptedException {
        TestServer.TestCompany c = server.createCompany("並行建設株式会社");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Executor held = work -> new Thread(() -> {
            try {
                release.await();
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }).start();
        LoginViewModel vm = viewModel(JA, held);
        type(vm, c.member().value(), TestServer.PASSWORD);
        vm.login();

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canLogin().get()).isFalse();
        vm.login();
        release.countDown();
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(loggedIn).hasSize(1);
    }

    @Test
    void emptyFieldsAreRefusedWithoutAskingTheServer() {
        LoginViewModel vm = viewModel(JA, work -> {
            throw new AssertionError("no login without a user id and password");
        });
        type(vm, "  ", "x");
        vm.login();
        assertThat(vm.errorProperty().get()).isEqualTo(JA.getString("login.error.empty"));
    }
}
