package jp.sitesign.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.companies.CompanyService;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/overload.sh): the latency of a plain authenticated request
 * ({@code GET /api/v1/me}, one keep-alive connection, one request at a time) on an idle server and then,
 * in the same run, while clients stall request bodies and a crowd logs in at once. The server is the real
 * {@code serve} command in a process of its own with its default settings; this process is the clients.
 *
 * <p>Usage: {@code OverloadBench [SECONDS] [STALLED] [LOGINS]} (defaults 20, 16, 100): each phase
 * measures for SECONDS after a warm-up.
 */
public final class OverloadBench {
    /** A plain request unanswered this long counts as failed (with this latency): the server is stalled. */
    private static final Duration PLAIN_TIMEOUT = Duration.ofSeconds(60);
    private OverloadBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int stalled = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int logins = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("sitesign-overload-");
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), "host=127.0.0.1\nsession.idle-minutes=600\n",
                StandardCharsets.UTF_8);
        List<String> users = new ArrayList<>();
        X509Certificate certificate;
        try (ServerContext ctx = new ServerContext(ServerConfig.load(dir, Map.of(), Map.of()), Clock.systemUTC())) {
            CompanyService.Created c = ctx.companies().create(new CompanyService.Registration("負荷試験建設株式会社",
                    "フカシケン", null, "東京都", "代表者", profile("責任者")));
            for (int i = 0; i < 10; i++) {
                UserId u = ctx.companies().addUser(c.companyId(), Role.MEMBER, profile("利用者" + i));
                ctx.auth().setPassword(u, TestServer.PASSWORD, false);
                users.add(u.value());
            }
            certificate = TlsIdentity.load(ctx.config(), ctx.masterKey()).certificate();
        }
        try (ServerProcess server = ServerProcess.start(dir)) {
            String base = "https://127.0.0.1:" + server.port();
            String token = server.api(certificate).login(users.get(0), TestServer.PASSWORD);
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(ApiClient.pinned(certificate)).build();
            HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(PLAIN_TIMEOUT).build();

            System.out.printf("load average at start: %s%n", loadAverage());
            measure(plain, me, Duration.ofSeconds(Math.max(5, seconds / 2)));
            Stats idle = measure(plain, me, Duration.ofSeconds(seconds));
            System.out.println("idle:   " + idle);

            try (StalledBodies stalls = StalledBodies.open(server.port(), certificate, stalled);
                    LoginCrowd crowd = LoginCrowd.start(base, certificate, users, logins)) {
                measure(plain, me, Duration.ofSeconds(5));
                crowd.resetCounts();
                Stats loaded = measure(plain, me, Duration.ofSeconds(seconds));
                System.out.println("loaded: " + loaded + "   (" + stalls.open() + " bodies stalled, " + logins
                        + " clients logging in: " + crowd.counts() + ")");
                System.out.printf("p99 loaded / idle = %.2f (goal <= 3)%n", loaded.p99() / idle.p99());
            }
            System.out.printf("load average at end: %s%n", loadAverage());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static Stats measure(HttpClient client, HttpRequest request, Duration length) throws Exception {
        List<Long> nanos = new ArrayList<>();
        int failed = 0;
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                    failed++;
                }
            } catch (HttpTimeoutException e) {
                failed++;
            }
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        return new Stats(nanos.size(), failed, ms(nanos, 0.50), ms(nanos, 0.99), ms(nanos, 1.0));
    }

    private static double ms(List<Long> sorted, double quantile) {
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static UserProfile profile(String name) {
        return new UserProfile("負荷 " + name, "フカ", "load@example.invalid", "工事部", "主任");
    }

    /** Latency of the plain request in one phase. */
    record Stats(int requests, int failed, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format("%,d requests (%d not 200 or timed out), p50 %.2f ms, p99 %.2f ms, max %.1f ms", requests, failed,
                    p50, p99, max);
        }
    }
}
