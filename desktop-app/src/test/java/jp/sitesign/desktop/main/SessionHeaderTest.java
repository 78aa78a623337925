package jp.sitesign.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ResourceBundle;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header names the person and the company, not the login id and not 「オンラインでログインしました」. */
class SessionHeaderTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    Path dir;
    StoreSession store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theHeaderSaysTheUsersNameAndCompany() {
        store = UiTestStores.open(dir);
        store.rememberCompanyName("サイトサイン建設株式会社");
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true).applyTo(store);

        String header = SessionHeader.of(JA, store, null);

        assertThat(header).isEqualTo("利用者 " + UiTestStores.ME.value() + "（サイトサイン建設株式会社）");
        MainWindowViewModel vm = new MainWindowViewModel(new jp.sitesign.desktop.ui.SyncStatusHolder(), JA);
        vm.setSession(header, () -> { });
        assertThat(vm.sessionTextProperty().get()).contains("サイトサイン建設株式会社").doesNotContain("ログインしました");
    }

    @Test
    void anOfflineLoginSaysSoAfterThePerson() {
        store = UiTestStores.open(dir);
        store.rememberCompanyName("サイトサイン建設株式会社");
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true).applyTo(store);

        assertThat(SessionHeader.of(JA, store, JA.getString("login.done.offline")))
                .startsWith("利用者 " + UiTestStores.ME.value() + "（サイトサイン建設株式会社） — オフラインでログインしました");
    }

    @Test
    void beforeTheFirstSyncTheLoginIdStandsInForTheName() {
        store = UiTestStores.open(dir);

        assertThat(SessionHeader.of(JA, store, null)).isEqualTo(UiTestStores.ME.value());
    }
}
