package jp.sitesign.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.cli.ServerCli;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served process writes its log and request log as daily files under {@code logs/} with JST times, and
 * never the passwords, tokens or PINs that passed through it; the console still says "Press Ctrl+C".
 */
class ServerLogsIT {
    private static final String NEW_PASSWORD = "Logged-Never-7731";
    private static final String WRONG_PASSWORD = "Wrong-Secret-4412";
    private static final String JST_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+09:00";

    @Test
    void textLinesCarryJstTimesAndTheRequestsButNoSecret(@TempDir Path dir) throws Exception {
        Secrets secrets = serveAndUse(dir, "text");

        List<String> server = lines(dir, "sitesign-");
        List<String> requests = lines(dir, "requests-");
        assertThat(server).as("the server's own log").isNotEmpty().allMatch(l -> l.isBlank() || l.matches("^(" + JST_TIME
                + " |\\s|Caused by|\\tat ).*"));
        assertThat(server).anyMatch(l -> l.contains("stopping HTTPS"));
        assertThat(requests).allMatch(l -> l.matches("^" + JST_TIME + " .*"));
        assertThat(requests).anyMatch(l -> l.contains("method=POST route=/api/v1/auth/login status=200")
                && l.contains("client=127.0.0.1"));
        assertThat(requests).anyMatch(l -> l.contains("method=POST route=/api/v1/auth/login status=401"));
        assertThat(requests).anyMatch(l -> l.contains("method=GET route=/api/v1/me status=200")
                && l.contains("user=" + secrets.ownerId()));
        assertThat(requests).anyMatch(l -> l.contains("route=/api/v1/contracts/{id} status=404"));
        assertNoSecret(dir, secrets);
    }

    @Test
    void jsonLinesAreOneObjectEachWithTheRequestFields(@TempDir Path dir) throws Exception {
        Secrets secrets = serveAndUse(dir, "json");

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> requests = lines(dir, "requests-").stream().map(l -> parse(json, l)).toList();
        assertThat(lines(dir, "sitesign-")).isNotEmpty().allSatisfy(l -> assertThat(parse(json, l).get("time").asText())
                .matches(JST_TIME));
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.get("route").asText()).isEqualTo("/api/v1/me");
            assertThat(r.get("status").asInt()).isEqualTo(200);
            assertThat(r.get("user").asText()).isEqualTo(secrets.ownerId());
            assertThat(r.get("durationMs").isNumber()).isTrue();
            assertThat(r.get("time").asText()).matches(JST_TIME);
        });
        assertNoSecret(dir, secrets);
    }

    private record Secrets(String ownerId, String oneTimePassword, String token) {
    }

    /** Serves on {@code dir}, creates a company through the running server, logs in, changes the password, stops. */
    private static Secrets serveAndUse(Path dir, String format) throws Exception {
        StringBuilder props = new StringBuilder("host=127.0.0.1\nlog.format=" + format + "\n");
        if (TestServer.onPostgres()) {
            props.append("db.url=").append(PostgresCluster.get().newDatabase()).append("\ndb.user=postgres\n");
        }
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), props, StandardCharsets.UTF_8);
        X509Certificate certificate;
        try (ServerContext ctx = new ServerContext(ServerConfig.load(dir, Map.of(), Map.of()), Clock.systemUTC())) {
            certificate = TlsIdentity.load(ctx.config(), ctx.masterKey()).certificate();
        }
        try (ServerProcess process = ServerProcess.start(dir)) {
            assertThat(process.output()).contains("Press Ctrl+C to stop.");
            JsonNode company = new ObjectMapper().readTree(cli("company", "create", "--name", "記録建設株式会社",
                    "--owner-name", "記録 太郎", "--owner-kana", "キロク タロウ", "--owner-email", "owner@example.invalid",
                    "--json", "--data-dir", dir.toString()));
            String owner = company.get("ownerId").asText();
            String oneTime = company.get("oneTimePassword").asText();
            ApiClient api = process.api(certificate);
            assertThat(api.post("/api/v1/auth/login", null, Map.of("userId", owner, "password", WRONG_PASSWORD))
                    .status()).isEqualTo(401);
            String token = api.login(owner, oneTime);
            assertThat(api.post("/api/v1/me/password", token, Map.of("currentPassword", oneTime,
                    "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/contracts/K99999999?pin=1234", token).status()).isEqualTo(404);
            process.terminate();
            process.awaitExit();
            return new Secrets(owner, oneTime, token);
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static void assertNoSecret(Path dir, Secrets secrets) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
                        .doesNotContain(secrets.oneTimePassword(), secrets.token(), NEW_PASSWORD, WRONG_PASSWORD,
                                "pin=1234");
            }
        }
    }

    private static List<String> lines(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(matching).as("one file a day: " + prefix).hasSize(1);
            return Files.readAllLines(matching.get(0), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parse(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
