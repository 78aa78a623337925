package jp.sitesign.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 自分の情報 without the server: the account as the last sync brought it is shown, nothing can be saved, and the
 * message says that changes need the server — both when the login was offline (no server session) and when the
 * server stopped answering since. The view model runs without a window (its executors run at once).
 */
class ProfileViewModelIT {
    private static final ResourceBundle JA = I18n.bundle(Language.JA);
    private static final UserView SAVED = new UserView("U12345678", "C12345678", Role.MEMBER, Role.MEMBER.labelJa(),
            UserStatus.ACTIVE, UserStatus.ACTIVE.labelJa(), "現場 一郎", "ゲンバ イチロウ", "ichiro@example.invalid",
            "工事部", "主任", false, false, null, null, false, 3, Instant.parse("2026-04-01T00:00:00Z"));
    static URI gone;
    static X509Certificate certificate;

    @BeforeAll
    static void aServerThatStopped() {
        try (TestServer server = TestServer.start(Map.of())) {
            gone = URI.create(server.server().baseUrl());
            certificate = server.server().tls().certificate();
        }
    }

    @Test
    void loggedInOfflineTheSavedAccountIsShownAndNothingCanBeSaved() {
        ProfileViewModel vm = viewModel(new ProfileClient(new ServerApi(gone, certificate), () -> null));
        vm.load();
        assertOfflineShowingTheSavedAccount(vm);
    }

    @Test
    void whenTheServerStoppedAnsweringTheMessageSaysChangesNeedIt() {
        ProfileViewModel vm = viewModel(new ProfileClient(new ServerApi(gone, certificate), () -> "a-token"));
        vm.load();
        assertOfflineShowingTheSavedAccount(vm);
    }

    private static void assertOfflineShowingTheSavedAccount(ProfileViewModel vm) {
        assertThat(vm.nameProperty().get()).isEqualTo("現場 一郎");
        assertThat(vm.emailProperty().get()).isEqualTo("ichiro@example.invalid");
        assertThat(vm.roleProperty().get()).isEqualTo("一般利用者");
        assertThat(vm.companyProperty().get()).isEqualTo("現場建設株式会社");
        assertThat(vm.onlineProperty().get()).isFalse();
        assertThat(vm.canSave().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(JA.getString("profile.onlineOnly"));
        vm.nameProperty().set("別の 名前");
        vm.save();
        assertThat(vm.statusProperty().get()).as("nothing was saved").isEmpty();
    }

    private static ProfileViewModel viewModel(ProfileClient client) {
        return new ProfileViewModel(JA, client, () -> Optional.of(SAVED), "現場建設株式会社", null, Runnable::run,
                Runnable::run);
    }
}
