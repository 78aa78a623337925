package jp.sitesign.desktop.settings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.core.SignatureLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every choice is saved only after all fields check out, and the screen says when each takes effect; a bad
 * data folder or timestamp server is refused in the user's language and nothing is written.
 */
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
    private SettingsViewModel screen(Language running) {
        SettingsFile file = new SettingsFile(home);
        return new SettingsViewModel(file.load(), file, running, I18n.bundle(running));
    }

    @Test
    void aRelativeDataFolderIsRefusedInJapaneseAndNothingIsSaved() {
        SettingsViewModel vm = screen(Language.JA);
        vm.dateStyleProperty().set(DateStyle.WAREKI);
        vm.dataFolderProperty().set("relative/data");

        vm.save();

        assertThat(vm.dataFolderErrorProperty().get()).contains("絶対パス");
        assertThat(vm.errorProperty().get()).contains("保存していません");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(home.resolve(SettingsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aDataFolderThatIsAFileIsRefusedInEnglishForAnEnglishUser() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "x");
        SettingsViewModel vm = screen(Language.EN);
        vm.dataFolderProperty().set(file.toString());

        vm.save();

        assertThat(vm.dataFolderErrorProperty().get()).contains("is a file, not a folder");
        assertThat(new SettingsFile(home).load().dataFolder()).isNull();
    }

    @Test
    void aNewDataFolderIsForTheNextStartAndTheOldDataIsLeftWhereItIs() throws Exception {
        Path old = Files.writeString(home.resolve("store.mv.db"), "data");
        Path next = home.resolve("new-home");
        SettingsViewModel vm = screen(Language.JA);
        vm.dataFolderProperty().set(next.toString());

        vm.save();

        assertThat(vm.dataFolderErrorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("次回の起動から", next.toString(), "移動も削除もしていません");
        assertThat(DataFolder.effective(home)).isEqualTo(next);
        assertThat(old).hasContent("data");
        assertThat(vm.folderInUseText()).contains(home.toString());
    }

    @Test
    void bTIsOfferedOnlyOnceATimestampServerIsGivenAndBothAreSaved() {
        SettingsViewModel vm = screen(Language.JA);
        assertThat(vm.levels()).containsExactly(SignatureLevel.B_B);

        vm.tsaUrlProperty().set("https://tsa.example.jp/tsa");
        vm.levelProperty().set(SignatureLevel.B_T);
        vm.save();

        assertThat(vm.levels()).containsExactly(SignatureLevel.B_B, SignatureLevel.B_T);
        Settings saved = new SettingsFile(home).load();
        assertThat(saved.signatureLevel()).isEqualTo(SignatureLevel.B_T);
        assertThat(saved.tsaUrl()).isEqualTo(URI.create("https://tsa.example.jp/tsa"));

        vm.tsaUrlProperty().set("");
        assertThat(vm.levelProperty().get()).isEqualTo(SignatureLevel.B_B);
    }

    @Test
    void aTimestampServerThatIsNoWebAddressIsRefused() {
        SettingsViewModel vm = screen(Language.JA);
        vm.tsaUrlProperty().set("tsa.example.jp");

        vm.save();

        assertThat(vm.tsaErrorProperty().get()).contains("https://");
        assertThat(home.resolve(SettingsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void tokenLibrariesAreAddedRemovedAndResetAndAMissingFileIsMarked() throws Exception {
        Path installed = Files.writeString(home.resolve("libmytoken.so"), "");
        SettingsViewModel vm = screen(Language.JA);
        int defaults = vm.libraries().size();

        vm.newLibraryProperty().set(installed.toString());
        vm.addLibrary();
        vm.newLibraryProperty().set(installed.toString());
        vm.addLibrary();
        assertThat(vm.libraryErrorProperty().get()).contains("既に");
        vm.newLibraryProperty().set("lib.so");
        vm.addLibrary();
        assertThat(vm.libraryErrorProperty().get()).contains("絶対パス");

        TokenLibraryRow mine = vm.libraries().get(defaults);
        assertThat(mine.installed()).isTrue();
        assertThat(vm.label(mine)).doesNotContain("見つかりません");
        vm.newLibraryProperty().set(home.resolve("gone.so").toString());
        vm.addLibrary();
        assertThat(vm.label(vm.libraries().get(defaults + 1))).contains("見つかりません");

        vm.removeLibrary(vm.libraries().get(0));
        vm.save();
        assertThat(new SettingsFile(home).load().tokenLibraries()).hasSize(defaults + 1).contains(installed);

        vm.resetLibraries();
        vm.save();
        assertThat(new SettingsFile(home).load().tokenLibraries()).isEqualTo(Settings.defaultTokenLibraries());
    }

    @Test
    void aSavedDateStyleReachesTheRunningSettingsAtOnce() {
        SettingsFile file = new SettingsFile(home);
        Settings running = file.load();
        DateDisplay dates = running.dates();
        SettingsViewModel vm = new SettingsViewModel(running, file, Language.JA, I18n.bundle(Language.JA));

        vm.dateStyleProperty().set(DateStyle.WAREKI);
        assertThat(dates.style()).isEqualTo(DateStyle.SEIREKI);
        vm.save();

        assertThat(dates.date(java.time.LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(vm.messageProperty().get()).isEqualTo("保存しました。");
    }
}
