package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the desktop reads answers that are not what a call hoped for, from a small HTTPS server on loopback (the
 * JDK's, with a key made by keytool) that answers what each test needs: the server's error body becomes its
 * code and both messages, also when a newer server says more in it; anything else still becomes a readable
 * error naming the status, never a stack trace of the HTTP library.
 */
class ServerAnswersIT {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static X509Certificate certificate;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=answers", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(said).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        certificate = (X509Certificate) ks.getCertificate("server");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        answer("/expired", 401, "application/json",
                "{\"code\":\"SESSION_EXPIRED\",\"messageJa\":\"期限切れ\",\"messageEn\":\"expired\",\"hint\":\"newer\"}");
        answer("/gateway", 502, "text/html", "<html><body>Bad Gateway</body></html>");
        answer("/plain", 200, "text/plain", "hello");
        server.start();
    }

    private static void answer(String path, int status, String type, String body) {
        server.createContext(path, x -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", type);
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static ServerApi api() {
        return new ServerApi(URI.create("https://127.0.0.1:" + server.getAddress().getPort()), certificate);
    }

    @Test
    void theServersErrorBodyIsItsCodeAndBothMessages_evenWithAFieldThisVersionDoesNotKnow() {
        try (ServerApi api = api()) {
            SiteSignException e = catchThrowableOfType(SiteSignException.class,
                    () -> api.call("GET", "/expired", "a-token", null));
            assertThat(e).extracting(SiteSignException::code, SiteSignException::messageJa, SiteSignException::messageEn)
                    .containsExactly(ErrorCode.SESSION_EXPIRED, "期限切れ", "expired");
        }
    }

    @Test
    void anAnswerThatIsNotOursNamesItsStatusAndBeginning() {
        try (ServerApi api = api()) {
            assertThatThrownBy(() -> api.download("/gateway", "a-token"))
                    .isInstanceOfSatisfying(SiteSignException.class, e -> {
                        assertThat(e.messageEn()).isEqualTo(DesktopMessage.SERVER_ANSWER_UNEXPECTED.en(502,
                                "<html><body>Bad Gateway</body></html>"));
                        assertThat(e.messageJa()).contains("502");
                    });
        }
    }

    @Test
    void aSuccessThatIsNotJsonWhereJsonWasExpectedIsUnreadableNotACrash() {
        try (ServerApi api = api()) {
            assertThatThrownBy(() -> api.call("GET", "/plain", "a-token", null))
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.messageEn()).startsWith("The server's answer could not be read"));
            assertThat(api.download("/plain", "a-token")).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        }
    }
}
