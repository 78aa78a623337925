package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.login.ServerTrustFile.ServerTrust;
import jp.sitesign.desktop.sync.PinnedTrust;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enterprise roll-out against the real server: a preset file with the server's address and certificate fingerprint
 * skips the first-run questions (the certificate is pinned without asking), a preset whose fingerprint is not the
 * server's pins nothing and says so, and the file is found where the installer puts it.
 */
class EnterprisePresetIT {
    static TestServer server;
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);

    @TempDir
    Path home;
    @TempDir
    Path appFolder;
    final List<ServerTrust> confirmed = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private FirstRunViewModel viewModel(ResourceBundle bundle) {
        return new FirstRunViewModel(bundle, new ServerTrustFile(home), PinnedTrust::fetch, Runnable::run,
                Runnable::run, confirmed::add);
    }

    private String address() {
        return "https://127.0.0.1:" + server.port();
    }

    private Path presetFile(String fingerprint) throws IOException {
        return Files.writeString(appFolder.resolve(EnterprisePreset.FILE_NAME),
                "# from IT\nserver.url=" + address() + "\nserver.fingerprint=" + fingerprint + "\n");
    }

    @Test
    void aPresetWithTheServersFingerprintPinsItWithoutAskingSoTheLoginComesNext() throws IOException {
        String fingerprint = PinnedTrust.fingerprint(server.server().tls().certificate());
        // Written as IT departments often copy it: lower case, no colons.
        presetFile(fingerprint.replace(":", "").toLowerCase(Locale.ROOT));
        EnterprisePreset preset = EnterprisePreset.find(null, Map.of(), Optional.of(appFolder)).orElseThrow();

        viewModel(JA).usePreset(preset);

        assertThat(confirmed).hasSize(1);
        ServerTrust saved = new ServerTrustFile(home).load().orElseThrow();
        assertThat(saved.address().toString()).isEqualTo(address());
        assertThat(saved.certificate()).isEqualTo(server.server().tls().certificate());
    }

    @Test
    void aPresetWhoseFingerprintIsNotTheServersPinsNothingAndSaysWhyInTheUsersLanguage() throws IOException {
        String wrong = "AB:".repeat(31) + "AB";
        presetFile(wrong);
        EnterprisePreset preset = EnterprisePreset.read(appFolder.resolve(EnterprisePreset.FILE_NAME));

        FirstRunViewModel vm = viewModel(EN);
        vm.usePreset(preset);

        assertThat(confirmed).isEmpty();
        assertThat(new ServerTrustFile(home).load()).isEmpty();
        assertThat(vm.canConfirm().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("contact your administrator", wrong,
                PinnedTrust.fingerprint(server.server().tls().certificate()));
        FirstRunViewModel ja = viewModel(JA);
        ja.usePreset(preset);
        assertThat(ja.errorProperty().get()).contains("管理者に連絡してください");
    }

    @Test
    void thePresetIsFoundByPropertyThenEnvironmentThenBesideTheAppAndABrokenOneIsNamed() throws IOException {
        assertThat(EnterprisePreset.find(null, Map.of(), Optional.of(appFolder))).isEmpty();
        Path beside = presetFile("11".repeat(32));
        Path other = Files.writeString(home.resolve("other.properties"),
                "server.url=https://other.example.jp:8443\nserver.fingerprint=" + "22".repeat(32) + "\n");

        assertThat(EnterprisePreset.find(null, Map.of(), Optional.of(appFolder)).orElseThrow().fingerprint())
                .startsWith("11:11:");
        assertThat(EnterprisePreset.find(null, Map.of(EnterprisePreset.ENV, other.toString()), Optional.of(appFolder))
                .orElseThrow().serverUrl()).isEqualTo("https://other.example.jp:8443");
        assertThat(EnterprisePreset.find(beside.toString(), Map.of(EnterprisePreset.ENV, other.toString()),
                Optional.empty()).orElseThrow().serverUrl()).isEqualTo(address());

        Files.writeString(beside, "server.url=" + address() + "\nserver.fingerprint=12:34\n");
        assertThatThrownBy(() -> EnterprisePreset.find(null, Map.of(), Optional.of(appFolder)))
                .isInstanceOf(EnterprisePreset.Invalid.class).hasMessageContaining("server.fingerprint")
                .hasMessageContaining(beside.toString());
        FirstRunViewModel vm = viewModel(JA);
        vm.presetUnusable("x.properties: server.url is missing");
        assertThat(vm.errorProperty().get()).contains("管理者が用意した設定ファイルを使えません", "server.url is missing");
    }
}
