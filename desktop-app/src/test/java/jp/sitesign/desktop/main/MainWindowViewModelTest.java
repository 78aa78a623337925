package jp.sitesign.desktop.main;

import java.time.Instant;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.desktop.ui.SyncStatusHolder;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The status bar follows the sync status, in the user's language; the notices badge shows unread ones. */
class MainWindowViewModelTest {
    private final SyncStatusHolder status = new SyncStatusHolder();

    @Test
    void theContractsEntryCarriesTheAttentionCountAsABadge_andNoOtherEntryDoes() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        assertThat(vm.sectionBadge(Section.CONTRACTS)).as("nothing waiting: no badge").isEmpty();

        vm.attentionCountProperty().set(3);
        assertThat(vm.sectionBadge(Section.CONTRACTS)).isEqualTo("3");
        assertThat(vm.sectionBadge(Section.NOTICES)).isEmpty();

        vm.attentionCountProperty().set(150);
        assertThat(vm.sectionBadge(Section.CONTRACTS)).isEqualTo("99+");
    }

    @Test
    void theStatusBarSaysOfflineWithNothingSentAndNoSyncBeforeTheEngineReports() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));

        assertThat(vm.onlineText().get()).isEqualTo("オフライン");
        assertThat(vm.pendingText().get()).isEqualTo("未送信なし");
        assertThat(vm.lastSyncText().get()).isEqualTo("まだ同期していません");
        assertThat(vm.hasConflicts().get()).isFalse();
    }

    @Test
    void theStatusBarFollowsTheEngineInJapaneseTimes() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));

        status.setOnline(true);
        status.setPendingCommands(3);
        status.setLastSync(Instant.parse("2026-11-25T01:05:09Z"));
        status.setConflicts(2);

        assertThat(vm.onlineBinding().get()).isTrue();
        assertThat(vm.onlineText().get()).isEqualTo("オンライン");
        assertThat(vm.pendingText().get()).isEqualTo("未送信 3 件");
        assertThat(vm.lastSyncText().get()).isEqualTo("最終同期 2026/11/25 10:05");
        assertThat(vm.hasConflicts().get()).isTrue();
        assertThat(vm.conflictsText().get()).isEqualTo("競合 2 件");
    }

    @Test
    void theLastSyncTimeFollowsTheSettingsDateStyle_withTheEraInRomajiInEnglish() {
        Settings settings = new Settings();
        MainWindowViewModel ja = new MainWindowViewModel(status, I18n.bundle(Language.JA))
                .dates(settings.dates(Language.JA));
        MainWindowViewModel en = new MainWindowViewModel(status, I18n.bundle(Language.EN))
                .dates(settings.dates(Language.EN));
        status.setLastSync(Instant.parse("2026-11-25T15:05:09Z"));
        assertThat(ja.lastSyncText().get()).isEqualTo("最終同期 2026/11/26 00:05");

        settings.dateStyleProperty().set(DateStyle.WAREKI);

        assertThat(ja.lastSyncText().get()).isEqualTo("最終同期 令和8年11月26日 00:05");
        assertThat(en.lastSyncText().get()).contains("Reiwa 8/11/26 00:05").doesNotContain("+09:00").doesNotContain("令和");
    }

    @Test
    void inEnglishTheSameStateReadsInEnglish() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.EN));
        status.setPendingCommands(1);
        status.setConflicts(4);

        assertThat(vm.onlineText().get()).isEqualTo("Offline");
        assertThat(vm.pendingText().get()).isEqualTo("1 unsent");
        assertThat(vm.conflictsText().get()).isEqualTo("4 conflicts");
        status.setConflicts(1);
        assertThat(vm.conflictsText().get()).isEqualTo("1 conflict");
        assertThat(vm.sectionName(Section.CONTRACTS)).isEqualTo("Contracts");
    }

    @Test
    void theNoticesBadgeShowsOnlyWithUnreadNoticesAndCapsItsNumber() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        assertThat(vm.noticesBadgeVisible().get()).isFalse();

        vm.unreadNoticesProperty().set(5);
        assertThat(vm.noticesBadgeVisible().get()).isTrue();
        assertThat(vm.noticesBadgeText().get()).isEqualTo("5");

        vm.unreadNoticesProperty().set(250);
        assertThat(vm.noticesBadgeText().get()).isEqualTo("99+");
    }

    @Test
    void theNoticesButtonOpensTheNoticesSection() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        assertThat(vm.selectedSectionProperty().get()).isEqualTo(Section.CONTRACTS);

        vm.openNotices();

        assertThat(vm.selectedSectionProperty().get()).isEqualTo(Section.NOTICES);
    }

    @Test
    void theConflictsLinkOpensTheContractsSectionBeforeAskingForItsAttentionTab() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        vm.openNotices();
        java.util.List<Section> openWhenAsked = new java.util.ArrayList<>();
        vm.onOpenConflicts(() -> openWhenAsked.add(vm.selectedSectionProperty().get()));

        status.setConflicts(1);
        vm.openConflicts();

        assertThat(vm.selectedSectionProperty().get()).isEqualTo(Section.CONTRACTS);
        assertThat(openWhenAsked).as("the tab is asked for once, with the contracts section already open")
                .containsExactly(Section.CONTRACTS);
    }

    @Test
    void theAboutBoxNamesTheVersionAndTheJavaRuntime_aRunFromClassesIsADevelopmentBuild() {
        MainWindowViewModel ja = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        MainWindowViewModel en = new MainWindowViewModel(status, I18n.bundle(Language.EN));

        assertThat(ja.aboutText()).contains("SiteSign 電子契約", "バージョン: 開発版",
                "Java: " + System.getProperty("java.runtime.version"));
        assertThat(en.aboutText()).contains("Version: development build");
    }

    @Test
    void theAboutButtonShowsTheAboutText() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA)).dialogs(dialogs);

        vm.about();

        assertThat(dialogs.asked()).containsExactly(vm.aboutText());
    }

    @Test
    void anUpdateNoticeIsShownUntilThereIsNone() {
        MainWindowViewModel vm = new MainWindowViewModel(status, I18n.bundle(Language.JA));
        assertThat(vm.updateNoticeProperty().get()).isEmpty();
        vm.setUpdateNotice("新しいバージョン 0.3.0 が公開されています");
        assertThat(vm.updateNoticeProperty().get()).contains("0.3.0");
        vm.setUpdateNotice(null);
        assertThat(vm.updateNoticeProperty().get()).isEmpty();
    }
}
