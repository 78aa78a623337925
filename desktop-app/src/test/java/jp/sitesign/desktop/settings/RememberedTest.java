package jp.sitesign.desktop.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's last choices survive a restart (a new instance on the same data home): the signing key's source and
 * file, the save folder, the viewer's size; the demo's tokens folder is the key chooser's start until a file was
 * used; a damaged file means nothing is remembered, never a failure.
 */
class RememberedTest {
    @TempDir
    Path dir;

    @Test
    void choicesAreReadBackByTheNextStart() throws Exception {
        Path home = dir.resolve("home");
        Path key = Files.createDirectories(dir.resolve("keys")).resolve("me.p12");
        Files.write(key, new byte[] {1});
        Path saved = Files.createDirectories(dir.resolve("out")).resolve("K-1.pdf");
        Remembered first = new Remembered(home);
        assertThat(first.keySource()).isEmpty();
        assertThat(first.viewerSize()).isEmpty();

        first.signedWith("PKCS12", key);
        first.savedTo(saved);
        first.viewerSize(1100.4, 690);

        Remembered next = new Remembered(home);
        assertThat(next.keySource()).contains("PKCS12");
        assertThat(next.keyFile()).contains(key.toAbsolutePath());
        assertThat(next.keyFolder()).contains(key.toAbsolutePath().getParent());
        assertThat(next.saveFolder()).contains(saved.toAbsolutePath().getParent());
        assertThat(next.viewerSize()).hasValueSatisfying(size -> assertThat(size).containsExactly(1100, 690));
        next.signedWith("TOKEN", null);
        assertThat(new Remembered(home).keyFile()).as("a token signature keeps the last file").contains(
                key.toAbsolutePath());
    }

    @Test
    void inTheDemoTheKeyChooserStartsInItsTokensFolder() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("demo").resolve("tokens"));
        assertThat(new Remembered(dir.resolve("demo").resolve("desktop")).keyFolder()).contains(tokens.toAbsolutePath());
        assertThat(new Remembered(dir.resolve("elsewhere").resolve("desktop")).keyFolder()).isEmpty();
    }

    @Test
    void aDamagedFileMeansNothingIsRemembered() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(Remembered.FILE_NAME), "signing.keySource=\\u00zz\n");
        Remembered memory = new Remembered(home);
        assertThat(memory.keySource()).isEmpty();
        assertThat(memory.viewerSize()).isEmpty();
    }
}
