package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads no command has used yet are bounded per user, in number and in bytes, so nobody can park storage
 * under made-up hashes for a week; a colleague is not held up, and an upload that ends frees its room.
 */
class UploadQuotaIT {
    private static final int OPEN = 3;
    private static final int BYTES = 250_000;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("limits.open-uploads-per-user", String.valueOf(OPEN),
                "limits.open-upload-bytes-per-user", String.valueOf(BYTES)));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unfinishedUploadsUnderMadeUpHashesStopAtTheLimitWhileAColleagueStillUploads() {
        String member = login(a.member().value());
        for (int i = 0; i < OPEN; i++) {
            assertThat(chunk(member, madeUpHash(), 0, 1000).status()).isEqualTo(200);
        }

        ApiClient.Response refused = chunk(member, madeUpHash(), 0, 1000);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_UPLOADS");
        assertThat(refused.json().get("messageJa").asText()).contains("上限（3 件）");
        assertThat(refused.json().get("messageEn").asText()).contains("unfinished uploads");
        assertThat(chunk(login(a.member2().value()), madeUpHash(), 0, 1000).status()).as("a colleague")
                .isEqualTo(200);
    }

    @Test
    void bytesBeyondWhatAUsersOpenUploadsMayHoldAreTooLarge() {
        String admin = login(a.admin().value());
        String first = madeUpHash();
        assertThat(chunk(admin, first, 0, 200_000).status()).isEqualTo(200);

        ApiClient.Response refused = chunk(admin, madeUpHash(), 0, 100_000);
        ApiClient.Response continued = chunk(admin, first, 200_000, 100_000);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("UPLOAD_QUOTA");
        assertThat(refused.json().get("messageJa").asText()).contains("合計が上限");
        assertThat(refused.json().get("messageEn").asText()).isNotBlank();
        assertThat(continued.code()).as("continuing one counts as well").isEqualTo("UPLOAD_QUOTA");
        assertThat(chunk(admin, first, 200_000, 50_000).status()).as("within the rest").isEqualTo(200);
    }

    @Test
    void firstChunksSentAtOnceStillStopAtTheLimit() throws Exception {
        String member = login(b.member2().value());
        int tries = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tries);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < tries; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return chunk(member, madeUpHash(), 0, 1000).status();
                }));
            }
            go.countDown();
            int accepted = 0;
            for (var answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(200, 429);
                accepted += status == 200 ? 1 : 0;
            }
            assertThat(accepted).as("uploads opened by %d chunks sent at once", tries).isEqualTo(OPEN);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadThatEndsFreesItsRoom() {
        String member = login(b.member().value());
        String last = null;
        for (int i = 0; i < OPEN; i++) {
            last = madeUpHash();
            assertThat(chunk(member, last, 0, 1000).status()).isEqualTo(200);
        }
        assertThat(chunk(member, madeUpHash(), 0, 1000).status()).isEqualTo(429);

        ApiClient.Response mismatch = server.api().raw("PUT", "/api/v1/sync/uploads/" + last + "?offset=1000&last=true",
                member, new byte[10], Map.of("Content-Type", "application/octet-stream"));

        assertThat(mismatch.code()).as("the bytes are not what the hash said: dropped").isEqualTo("INVALID_DOCUMENT");
        assertThat(chunk(member, madeUpHash(), 0, 1000).status()).isEqualTo(200);
    }

    private static ApiClient.Response chunk(String token, String sha256, long offset, int size) {
        return server.api().raw("PUT", "/api/v1/sync/uploads/" + sha256 + "?offset=" + offset, token, new byte[size],
                Map.of("Content-Type", "application/octet-stream"));
    }

    private static String madeUpHash() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String login(String user) {
        return server.api().login(user, TestServer.PASSWORD);
    }
}
