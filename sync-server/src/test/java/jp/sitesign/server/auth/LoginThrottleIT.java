package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are counted per client address as well as per account: an address that keeps failing
 * (trying many user ids, which no account lockout catches) is paused with 429 and Retry-After.
 */
class LoginThrottleIT {
    private static final int MAX = 3;

    @Test
    void anAddressWithTooManyFailedLoginsIsPausedUntilItsWindowEnds() {
        try (TestServer server = TestServer.start(Map.of("login.address-max-failures", String.valueOf(MAX),
                "login.address-window-minutes", "10"))) {
            TestServer.TestCompany co = server.createCompany("総当たり対策株式会社");
            String token = server.api().login(co.member().value(), TestServer.PASSWORD);
            for (int i = 0; i < MAX; i++) {
                // A different unknown id each time: no account is locked by these.
                ApiClient.Response r = login(server, String.format("U9%07d", i), "Wrong-Horse-41");
                assertThat(r.code()).as("failure " + i).isEqualTo("LOGIN_FAILED");
            }

            ApiClient.Response paused = login(server, co.admin().value(), TestServer.PASSWORD);
            assertThat(paused.status()).as(paused.toString()).isEqualTo(429);
            assertThat(paused.code()).isEqualTo("LOGIN_THROTTLED");
            assertThat(paused.json().get("messageJa").asText()).isNotBlank();
            long retryAfter = Long.parseLong(paused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 600L);
            assertThat(server.api().get("/api/v1/me", token).status()).as("sessions are not affected").isEqualTo(200);

            server.clock().advance(Duration.ofSeconds(retryAfter));
            assertThat(login(server, co.admin().value(), TestServer.PASSWORD).status())
                    .as("after Retry-After").isEqualTo(200);
        }
    }

    @Test
    void successfulLoginsAreNotCounted() {
        try (TestServer server = TestServer.start(Map.of("login.address-max-failures", String.valueOf(MAX)))) {
            TestServer.TestCompany co = server.createCompany("正常利用株式会社");
            for (int i = 0; i < MAX * 2; i++) {
                assertThat(login(server, co.member().value(), TestServer.PASSWORD).status()).isEqualTo(200);
            }
        }
    }

    private static ApiClient.Response login(TestServer server, String userId, String password) {
        return server.api().post("/api/v1/auth/login", null, Map.of("userId", userId, "password", password));
    }
}
