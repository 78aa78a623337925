package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * First run against the real server on loopback: the fingerprint shown is the server certificate's, nothing
 * is saved before the user confirms, confirming pins it for later starts, and bad addresses get a sentence
 * that says what to do in the chosen language. Work runs inline (no toolkit).
 */
class FirstRunViewModelIT {
    static TestServer server;
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final ResourceBundle EN = I18n.bundle(Language.EN);

    @TempDir
    Path home;
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

    @Test
    void theFingerprintShownIsTheServerCertificatesAndNothingIsTrustedBeforeConfirmation() {
        FirstRunViewModel vm = viewModel(JA);
        vm.addressProperty().set(address());
        vm.fetchCertificate();

        assertThat(vm.fingerprintProperty().get())
                .isEqualTo(PinnedTrust.fingerprint(server.server().tls().certificate()))
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.canConfirm().get()).isTrue();
        assertThat(new ServerTrustFile(home).load()).isEmpty();
        assertThat(confirmed).isEmpty();
    }

    @Test
    void confirmingPinsTheCertificateWithTheAddressSoTheNextStartSkipsFirstRun() throws IOException {
        FirstRunViewModel vm = viewModel(JA);
        vm.addressProperty().set(address());
        vm.fetchCertificate();
        vm.confirm();

        assertThat(confirmed).hasSize(1);
        ServerTrust saved = new ServerTrustFile(home).load().orElseThrow();
        assertThat(saved.address().toString()).isEqualTo(address());
        assertThat(saved.certificate()).isEqualTo(server.server().tls().certificate());
        assertThat(Files.readString(home.resolve(ServerTrustFile.CERTIFICATE_FILE), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void changingTheAddressAfterFetchingForgetsTheCertificateSoItCannotBeConfirmedForAnotherServer() {
        FirstRunViewModel vm = viewModel(JA);
        vm.addressProperty().set(address());
        vm.fetchCertificate();
        vm.addressProperty().set("https://127.0.0.1:1");

        assertThat(vm.fingerprintProperty().get()).isEmpty();
        assertThat(vm.canConfirm().get()).isFalse();
        vm.confirm();
        assertThat(confirmed).isEmpty();
        assertThat(new ServerTrustFile(home).load()).isEmpty();
    }

    @Test
    void anAddressThatIsNotHttpsIsRefusedBeforeAnyConnectionInJapaneseOrEnglish() {
        FirstRunViewModel ja = viewModel(JA);
        ja.addressProperty().set("http://127.0.0.1:" + server.port());
        ja.fetchCertificate();
        assertThat(ja.errorProperty().get()).contains("https://").contains("HTTPS");
        assertThat(ja.fingerprintProperty().get()).isEmpty();

        FirstRunViewModel en = viewModel(EN);
        en.addressProperty().set("127.0.0.1:" + server.port());
        en.fetchCertificate();
        assertThat(en.errorProperty().get()).startsWith("The address must start with https://");
    }

    @Test
    void anEmptyOrMalformedAddressSaysHowToWriteIt() {
        FirstRunViewModel vm = viewModel(JA);
        vm.addressProperty().set("  ");
        vm.fetchCertificate();
        assertThat(vm.errorProperty().get()).isEqualTo(JA.getString("firstRun.error.empty"));
        vm.addressProperty().set("https://host:8443/some/path");
        vm.fetchCertificate();
        assertThat(vm.errorProperty().get()).isEqualTo(JA.getString("firstRun.error.malformed"));
    }

    @Test
    void aPortWhereNothingListensIsReportedAsUnreachable() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FirstRunViewModel vm = viewModel(JA);
        vm.addressProperty().set("https://127.0.0.1:" + closed);
        vm.fetchCertificate();
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.format(JA, "firstRun.error.unreachable",
                "127.0.0.1:" + closed));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsReportedAsNotHttps() throws Exception {
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread answering = new Thread(() -> {
                try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the client gave up first; the assertion below says what it saw
                }
            });
            answering.start();
            FirstRunViewModel vm = viewModel(EN);
            vm.addressProperty().set("https://127.0.0.1:" + plain.getLocalPort());
            vm.fetchCertificate();
            answering.join();
            assertThat(vm.errorProperty().get()).isEqualTo(I18n.format(EN, "firstRun.error.notTls",
                    "127.0.0.1:" + plain.getLocalPort()));
        }
    }
}
