package jp.sitesign.desktop.settings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.core.SignatureLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** Every setting survives a save and load; old, partial and corrupt files load with defaults and lose nothing. */
class SettingsFileTest {
    @TempDir
    Path home;

    @Test
    void everySettingRoundTrips() {
        SettingsFile file = new SettingsFile(home);
        Settings s = new Settings();
        Path data = home.resolve("elsewhere");
        s.languageProperty().set(Language.EN);
        s.dateStyleProperty().set(DateStyle.WAREKI);
        s.tokenLibraries().setAll(Path.of("/opt/token/lib one.so"), Path.of("/usr/lib/x.so"));
        s.tsaUrlProperty().set(URI.create("https://tsa.example.jp/tsa"));
        s.signatureLevelProperty().set(SignatureLevel.B_T);
        s.dataFolderProperty().set(data);

        file.save(s);
        Settings loaded = new SettingsFile(home).load();

        assertThat(loaded.language()).isEqualTo(Language.EN);
        assertThat(loaded.dateStyle()).isEqualTo(DateStyle.WAREKI);
        assertThat(loaded.tokenLibraries()).containsExactly(Path.of("/opt/token/lib one.so"), Path.of("/usr/lib/x.so"));
        assertThat(loaded.tsaUrl()).isEqualTo(URI.create("https://tsa.example.jp/tsa"));
        assertThat(loaded.signatureLevel()).isEqualTo(SignatureLevel.B_T);
        assertThat(loaded.dataFolder()).isEqualTo(data);
        assertThat(DataFolder.effective(home)).isEqualTo(data);
        assertThat(home.resolve(SettingsFile.BACKUP_NAME)).doesNotExist();
    }

    @Test
    void anEmptyTokenLibraryListStaysEmptyInsteadOfComingBackAsTheDefaults() {
        SettingsFile file = new SettingsFile(home);
        Settings s = new Settings();
        s.tokenLibraries().clear();
        file.save(s);

        assertThat(file.load().tokenLibraries()).isEmpty();
    }

    @Test
    void withoutAFileEverythingIsTheDefault() {
        Settings s = new SettingsFile(home).load();

        assertThat(s.language()).isEqualTo(Language.JA);
        assertThat(s.dateStyle()).isEqualTo(DateStyle.SEIREKI);
        assertThat(s.signatureLevel()).isEqualTo(SignatureLevel.B_B);
        assertThat(s.tsaUrl()).isNull();
        assertThat(s.dataFolder()).isNull();
        assertThat(s.tokenLibraries()).isEqualTo(Settings.defaultTokenLibraries()).isNotEmpty();
        assertThat(DataFolder.effective(home)).isEqualTo(home);
    }

    @Test
    void anOlderFileWithOnlyTheLanguageKeepsItAndGetsDefaultsForTheRest() throws Exception {
        Files.writeString(home.resolve(SettingsFile.FILE_NAME), "#SiteSign desktop settings\nlanguage=en\n");

        Settings s = new SettingsFile(home).load();

        assertThat(s.language()).isEqualTo(Language.EN);
        assertThat(s.dateStyle()).isEqualTo(DateStyle.SEIREKI);
        assertThat(s.tokenLibraries()).isEqualTo(Settings.defaultTokenLibraries());
        assertThat(home.resolve(SettingsFile.BACKUP_NAME)).doesNotExist();
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndIsKeptAsBackupEvenAfterTheNextSave() throws Exception {
        Path settingsFile = home.resolve(SettingsFile.FILE_NAME);
        byte[] corrupt = "language=en\ndateStyle=\\uZZZZ\n".getBytes(StandardCharsets.UTF_8);
        Files.write(settingsFile, corrupt);
        SettingsFile file = new SettingsFile(home);

        Settings s = file.load();
        file.save(s);

        assertThat(s.language()).isEqualTo(Language.JA);
        assertThat(home.resolve(SettingsFile.BACKUP_NAME)).hasBinaryContent(corrupt);
        assertThat(file.load().language()).isEqualTo(Language.JA);
    }

    @Test
    void unusableValuesFallBackOneByOneAndTheFileIsBackedUp() throws Exception {
        String partial = "language=en\ndateStyle=KOUKI\nsignatureLevel=B_T\ntokenLibrary.count=2\n"
                + "tokenLibrary.1=/usr/lib/a.so\ndataFolder=relative/folder\n";
        Files.writeString(home.resolve(SettingsFile.FILE_NAME), partial);

        Settings s = new SettingsFile(home).load();

        assertThat(s.language()).isEqualTo(Language.EN);
        assertThat(s.dateStyle()).isEqualTo(DateStyle.SEIREKI);
        // B-T needs a timestamp server and none is set.
        assertThat(s.signatureLevel()).isEqualTo(SignatureLevel.B_B);
        assertThat(s.tokenLibraries()).isEqualTo(Settings.defaultTokenLibraries());
        assertThat(s.dataFolder()).isNull();
        assertThat(home.resolve(SettingsFile.BACKUP_NAME)).hasContent(partial.strip());
        assertThat(DataFolder.effective(home)).isEqualTo(home);
    }

    @Test
    void onlyLevelsTheAppCanMakeAreOffered() {
        assertThat(Settings.producibleLevels(null)).containsExactly(SignatureLevel.B_B);
        assertThat(Settings.producibleLevels(URI.create("https://tsa.example.jp/")))
                .containsExactly(SignatureLevel.B_B, SignatureLevel.B_T);
    }

    @Test
    void signingDefaultsToBtWhenATimestampServerIsAvailable() {
        assertThat(Settings.defaultLevel(null)).isEqualTo(SignatureLevel.B_B);
        assertThat(Settings.defaultLevel(URI.create("https://tsa.example.jp/"))).isEqualTo(SignatureLevel.B_T);
    }

    @Test
    void theDefaultsAreThisOperatingSystemsKnownLibraries() {
        assertThat(Settings.defaultTokenLibraries()).isEqualTo(List.copyOf(
                jp.sitesign.desktop.settings.TokenLibraries.known(System.getProperty("os.name")).stream()
                        .map(jp.sitesign.desktop.settings.TokenLibraries.Library::path).distinct().toList()));
    }
}
