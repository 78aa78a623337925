package jp.sitesign.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.SyncStatus.SyncOutcome;
import jp.sitesign.desktop.ui.SyncStatusHolder;
import org.junit.jupiter.api.Test;

/**
 * The status bar says 同期中… while a sync runs, and a sync that ended with changes or failed becomes a notification
 * in the user's language; one that changed nothing does not.
 */
class SyncNoticeTest {
    final SyncStatusHolder status = new SyncStatusHolder();
    final MainWindowViewModel ja = new MainWindowViewModel(status, I18n.bundle(Language.JA));
    final MainWindowViewModel en = new MainWindowViewModel(status, I18n.bundle(Language.EN));

    @Test
    void whileASyncRunsTheStatusBarSaysSo() {
        assertThat(ja.syncingText().get()).isEmpty();
        status.setSyncing(true);
        assertThat(ja.syncingText().get()).isEqualTo("同期中…");
        assertThat(en.syncingText().get()).isEqualTo("Syncing…");
        status.setSyncing(false);
        assertThat(ja.syncingText().get()).isEmpty();
    }

    @Test
    void aSyncWithChangesOrAFailureIsToldAndAnIdleOneIsNot() {
        assertThat(ja.notice(new SyncOutcome(Instant.EPOCH, 1, 3, null, null))).contains(
                new MainWindowViewModel.Notice("同期しました", "送った変更 1 件、受け取った変更 3 件", false));
        assertThat(ja.notice(new SyncOutcome(Instant.EPOCH, 0, 0, "サーバーにつながりません。", "Cannot reach the server.")))
                .contains(new MainWindowViewModel.Notice("同期できませんでした", "サーバーにつながりません。", true));
        assertThat(en.notice(new SyncOutcome(Instant.EPOCH, 0, 0, "サーバーにつながりません。", "Cannot reach the server.")))
                .map(MainWindowViewModel.Notice::text).contains("Cannot reach the server.");
        assertThat(ja.notice(new SyncOutcome(Instant.EPOCH, 0, 0, null, null))).isEmpty();
        assertThat(ja.notice(null)).isEmpty();
    }

    @Test
    void theMenusCommandsRunWhatTheShellRegisteredAndTheContractOnesOpenTheList() {
        StringBuilder ran = new StringBuilder();
        assertThat(ja.canRun(MainWindowViewModel.Command.NEW_CONTRACT)).isFalse();
        ja.onCommand(MainWindowViewModel.Command.NEW_CONTRACT, () -> ran.append("new"));
        ja.selectedSectionProperty().set(Section.SETTINGS);

        ja.run(MainWindowViewModel.Command.NEW_CONTRACT);

        assertThat(ran).hasToString("new");
        assertThat(ja.selectedSectionProperty().get()).isEqualTo(Section.CONTRACTS);
    }
}
