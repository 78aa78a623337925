package jp.sitesign.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops the server the way a service manager does: it stops taking connections, lets the
 * requests in flight finish (their database work included) and only then ends.
 */
class GracefulShutdownIT {
    private static final String LOGIN = "{\"userId\":\"U00000001\",\"password\":\"Wrong-Horse-41\"}";

    @Test
    void sigtermLetsARequestInFlightFinishBeforeTheProcessEnds() throws Exception {
        Path dir = Files.createTempDirectory("sitesign-shutdown-");
        try {
            // Neither the body timeout nor the grace period can end the request before the test does.
            StringBuilder props = new StringBuilder("host=127.0.0.1\nlimits.body-read-timeout-seconds=3600\n"
                    + "http.shutdown-grace-seconds=3600\n");
            if (TestServer.onPostgres()) {
                props.append("db.url=").append(PostgresCluster.get().newDatabase()).append("\ndb.user=postgres\n");
            }
            Files.writeString(dir.resolve(ServerConfig.FILE_NAME), props, StandardCharsets.UTF_8);
            X509Certificate certificate;
            try (ServerContext ctx = new ServerContext(ServerConfig.load(dir, Map.of(), Map.of()), Clock.systemUTC())) {
                certificate = TlsIdentity.load(ctx.config(), ctx.masterKey()).certificate();
            }
            try (ServerProcess process = ServerProcess.start(dir)) {
                RawHttps raw = new RawHttps(process.port(), certificate);
                try (RawHttps.Conversation inFlight = raw.open()) {
                    inFlight.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                            + "\r\nContent-Length: " + LOGIN.length() + "\r\nExpect: 100-continue\r\n\r\n")
                            .awaitContinue().write(LOGIN.substring(0, 10));

                    process.terminate();
                    awaitRefusingConnections(process);
                    RawHttps.Answer a = inFlight.write(LOGIN.substring(10)).answer();

                    assertThat(a.status()).as("the request in flight was answered: " + a + "\n" + process.output())
                            .isEqualTo(401);
                    assertThat(a.body()).contains("LOGIN_FAILED");
                }
                process.awaitExit();
                assertThat(process.output()).doesNotContain("Exception");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Shutting down begins with closing the listening socket (or, without a graceful stop, ending the process). */
    private static void awaitRefusingConnections(ServerProcess process) throws InterruptedException {
        while (process.isAlive()) {
            try {
                new Socket("127.0.0.1", process.port()).close();
                Thread.sleep(20);
            } catch (IOException refused) {
                return;
            }
        }
    }
}
