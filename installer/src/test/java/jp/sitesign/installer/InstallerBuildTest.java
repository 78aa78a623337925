package jp.sitesign.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.sitesign.installer.InstallerBuild.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer configuration of each OS, including the two that cannot be built here (Windows .msi, macOS .dmg):
 * what jpackage is told. The Linux package itself is built and installed by {@link InstalledDebIT}.
 */
class InstallerBuildTest {
    @TempDir
    Path dir;

    private InstallerBuild build() throws IOException {
        Path options = Files.writeString(dir.resolve("jvm.options"), "# heap\n-Xmx512m\n\n  -XX:+UseG1GC  \n# end\n");
        return new InstallerBuild(new InstallerBuild.Inputs(dir.resolve("app.jar"), dir.resolve("javafx"), options,
                "1.4.2-SNAPSHOT", null), dir.resolve("work"), new PrintWriter(new StringWriter()));
    }

    private List<String> arguments(String type, Platform platform) throws IOException {
        AppIcon.Written icons = new AppIcon.Written(dir.resolve("i.png"), dir.resolve("i.ico"), dir.resolve("i.icns"));
        return build().arguments(type, platform, dir.resolve("out"), dir.resolve("runtime"), dir.resolve("input"), icons,
                dir.resolve("linux"));
    }

    @Test
    void everyInstallerRunsTheLauncherOnTheJlinkRuntimeWithTheAppsJvmOptions() throws IOException {
        for (Platform platform : Platform.values()) {
            String args = String.join(" ", arguments("app-image", platform));
            assertThat(args).contains("--runtime-image " + dir.resolve("runtime"), "--main-jar sitesign-desktop.jar",
                    "--main-class jp.sitesign.desktop.Launcher", "--app-version 1.4.2", "--name SiteSign",
                    "--java-options -Xmx512m", "--java-options -XX:+UseG1GC",
                    "--java-options --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED")
                    .doesNotContain("# heap");
        }
    }

    @Test
    void windowsInstallsPerUserWithAStartMenuEntryAndAFixedUpgradeCode() throws IOException {
        List<String> args = arguments("msi", Platform.WINDOWS);
        assertThat(args).contains("--win-per-user-install", "--win-menu", "--win-shortcut")
                .containsSequence("--win-upgrade-uuid", "6b1f3c8e-2d4a-4f6b-9c1e-5a7d3e9f0b24")
                .containsSequence("--win-menu-group", "SiteSign 電子契約")
                .containsSequence("--icon", dir.resolve("i.ico").toString());
    }

    @Test
    void macOsHasItsBundleIdAndIcnsIcon() throws IOException {
        List<String> args = arguments("dmg", Platform.MAC);
        assertThat(args).containsSequence("--mac-package-identifier", "jp.sitesign.desktop")
                .containsSequence("--icon", dir.resolve("i.icns").toString());
    }

    @Test
    void linuxUsesThePackageNameTheMenuAndTheTemplatesThatAddGtk() throws IOException {
        List<String> args = arguments("deb", Platform.LINUX);
        assertThat(args).containsSequence("--linux-package-name", "sitesign").contains("--linux-shortcut")
                .containsSequence("--resource-dir", dir.resolve("linux").toString())
                .containsSequence("--icon", dir.resolve("i.png").toString());
        assertThat(InstallerBuild.class.getResource("linux/control")).isNotNull();
    }

    @Test
    void theVersionIsCutToTheNumbersJpackageTakes() {
        assertThat(InstallerBuild.appVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(InstallerBuild.appVersion("2.3.4.5")).isEqualTo("2.3.4");
        assertThat(InstallerBuild.appVersion("7")).isEqualTo("7");
        assertThatThrownBy(() -> InstallerBuild.appVersion("SNAPSHOT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachOsBuildsItsOwnInstallerType() {
        assertThat(Platform.WINDOWS.defaultTypes()).containsExactly("msi");
        assertThat(Platform.MAC.defaultTypes()).containsExactly("dmg");
        assertThat(Platform.LINUX.defaultTypes()).startsWith("deb");
    }

    @Test
    void anUnsetMavenPropertyArrivesAsNullOrNothingAndMeansTheDefault() {
        assertThat(InstallerBuild.options(new String[] {"--types", null, "--preset", null, "--dest", "out"}))
                .containsEntry("--types", "").containsEntry("--preset", "").containsEntry("--dest", "out");
        assertThat(InstallerBuild.options(new String[] {"--types", "--dest", "out"})).containsEntry("--types", "")
                .containsEntry("--dest", "out");
    }
}
