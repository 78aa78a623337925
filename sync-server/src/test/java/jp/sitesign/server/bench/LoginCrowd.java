package jp.sitesign.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;

/**
 * Clients logging in over and over with the right password, each on its own keep-alive connection, as
 * many at once as given. A refused login (503) waits the Retry-After the server asked for, as the desktop
 * app would.
 */
final class LoginCrowd implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    static LoginCrowd start(String base, X509Certificate certificate, List<String> users, int clients) {
        LoginCrowd crowd = new LoginCrowd();
        for (int i = 0; i < clients; i++) {
            String user = users.get(i % users.size());
            HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"password\":\""
                            + TestServer.PASSWORD + "\"}")).build();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(ApiClient.pinned(certificate)).build();
            Thread t = new Thread(() -> crowd.loginAgainAndAgain(client, login), "login-" + i);
            t.setDaemon(true);
            t.start();
        }
        return crowd;
    }

    private void loginAgainAndAgain(HttpClient client, HttpRequest login) {
        while (running.get()) {
            try {
                HttpResponse<Void> r = client.send(login, HttpResponse.BodyHandlers.discarding());
                statuses.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
                long retryAfter = r.headers().firstValueAsLong("Retry-After").orElse(0);
                if (retryAfter > 0) {
                    Thread.sleep(retryAfter * 1000);
                }
            } catch (IOException e) {
                statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void resetCounts() {
        statuses.clear();
    }

    /** Answers by status while measured (-1: no answer). */
    Map<Integer, Long> counts() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((status, n) -> out.put(status, n.sum()));
        return out;
    }

    @Override
    public void close() {
        running.set(false);
    }
}
