package jp.sitesign.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.sitesign.desktop.app.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language choice is saved for the next start, and the screen says when it takes effect. */
class SettingsViewModelTest {
    @TempDir
    Path home;

    @Test
    void japaneseIsTheDefaultWithoutASettingsFile() {
        assertThat(new SettingsFile(home).load().language()).isEqualTo(Language.JA);
    }

    @Test
    void choosingEnglishIsSavedAndTheScreenSaysItShowsFromTheNextStart() {
        SettingsFile file = new SettingsFile(home);
        Settings settings = file.load();
        SettingsViewModel vm = new SettingsViewModel(settings, file, Language.JA, I18n.bundle(Language.JA));

        vm.languageProperty().set(Language.EN);
        vm.save();

        assertThat(new SettingsFile(home).load().language()).isEqualTo(Language.EN);
        assertThat(vm.messageProperty().get()).contains("次回の起動");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void savingTheRunningLanguageSaysSavedWithoutRestartNotice() {
        SettingsFile file = new SettingsFile(home);
        SettingsViewModel vm = new SettingsViewModel(file.load(), file, Language.JA, I18n.bundle(Language.JA));

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("保存しました。");
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAnErrorSayingWhatToCheck() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("file-not-folder"), "x");
        SettingsFile file = new SettingsFile(notAFolder);
        SettingsViewModel vm = new SettingsViewModel(new Settings(), file, Language.JA, I18n.bundle(Language.JA));

        vm.save();

        assertThat(vm.errorProperty().get()).contains("データフォルダー");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void anUnknownLanguageInTheFileFallsBackToJapanese() throws Exception {
        Files.writeString(home.resolve(SettingsFile.FILE_NAME), "language=xx\n");

        assertThat(new SettingsFile(home).load().language()).isEqualTo(Language.JA);
    }
}
