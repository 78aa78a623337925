package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Logins wait for the password threads without holding an HTTP worker, so the rest of the API keeps
 * answering; once the hashing queue is full, further logins are refused at once with 503 and Retry-After.
 * The test fills the password threads itself, so nothing depends on how fast hashing is.
 */
class PasswordPoolIT {
    private static final int WORKERS = 2;
    private static final int QUEUE = WORKERS;

    @Test
    void queuedLoginsHoldNoWorkerAndAFullQueueIsAnswered503WithRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.worker-threads", String.valueOf(WORKERS),
                "login.hash-threads", "1", "login.hash-queue", String.valueOf(QUEUE)))) {
            TestServer.TestCompany co = server.createCompany("混雑試験株式会社");
            String token = server.api().login(co.member().value(), TestServer.PASSWORD);
            PasswordPool pool = server.context().passwordPool();
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> occupied = pool.submit(() -> {
                awaitQuietly(release);
                return null;
            });
            try {
                // As many waiting logins as there are workers: were they holding workers, nothing else would run.
                List<CompletableFuture<ApiClient.Response>> waiting = List.of(login(server, co.admin().value()),
                        login(server, co.owner().value()));
                while (pool.queued() < QUEUE) {
                    assertThat(waiting).as("no login is answered while the password thread is busy")
                            .noneMatch(CompletableFuture::isDone);
                    Thread.sleep(10);
                }

                assertThat(server.api().get("/api/v1/me", token).status()).as("the API still answers").isEqualTo(200);
                ApiClient.Response refused = login(server, co.member2().value()).join();
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.code()).isEqualTo("SERVER_BUSY");
                assertThat(refused.json().get("messageJa").asText()).isNotBlank();
                assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();

                release.countDown();
                assertThat(waiting).allSatisfy(w -> assertThat(w.join().status()).as(w.join().toString())
                        .isEqualTo(200));
            } finally {
                release.countDown();
                occupied.join();
            }
        }
    }

    private static CompletableFuture<ApiClient.Response> login(TestServer server, String userId) {
        return CompletableFuture.supplyAsync(() -> server.api().post("/api/v1/auth/login", null,
                Map.of("userId", userId, "password", TestServer.PASSWORD)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
