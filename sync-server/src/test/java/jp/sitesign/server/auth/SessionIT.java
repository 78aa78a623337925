package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions end after the idle period, after the absolute lifetime however busy they are, and at logout.
 * Each test logs in anew, so moving the clock in one test cannot expire another test's session.
 */
class SessionIT {
    private static final int IDLE_MINUTES = 30;
    private static final int ABSOLUTE_MINUTES = 120;

    static TestServer server;
    static TestServer.TestCompany co;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("session.idle-minutes", String.valueOf(IDLE_MINUTES),
                "session.absolute-minutes", String.valueOf(ABSOLUTE_MINUTES)));
        co = server.createCompany("セッション試験株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginReportsWhenTheSessionWillExpireIfLeftIdle() {
        Instant before = server.clock().instant();
        ApiClient.Response r = server.api().post("/api/v1/auth/login", null,
                Map.of("userId", co.member().value(), "password", TestServer.PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(Instant.parse(r.json().get("idleExpiry").asText()))
                .isEqualTo(before.truncatedTo(ChronoUnit.MICROS).plus(Duration.ofMinutes(IDLE_MINUTES)));
    }

    @Test
    void anIdleSessionExpiresAfterTheIdlePeriod() {
        String token = server.api().login(co.member().value(), TestServer.PASSWORD);
        assertThat(me(token).status()).isEqualTo(200);

        server.clock().advance(Duration.ofMinutes(IDLE_MINUTES).plusSeconds(1));

        ApiClient.Response expired = me(token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("SESSION_EXPIRED");
        assertThat(expired.json().get("messageJa").asText()).isNotBlank();
        assertThat(me(token).status()).as("an expired token is gone, not revived").isEqualTo(401);
    }

    @Test
    void activityKeepsASessionAliveWithinTheIdlePeriod() {
        String token = server.api().login(co.member2().value(), TestServer.PASSWORD);
        server.clock().advance(Duration.ofMinutes(IDLE_MINUTES - 5));
        assertThat(me(token).status()).isEqualTo(200);

        // Longer than the idle period since login, shorter since the last request.
        server.clock().advance(Duration.ofMinutes(IDLE_MINUTES - 5));
        assertThat(me(token).status()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhileInUse() {
        String token = server.api().login(co.admin().value(), TestServer.PASSWORD);
        Duration step = Duration.ofMinutes(IDLE_MINUTES - 5);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(Duration.ofMinutes(ABSOLUTE_MINUTES)) <= 0) {
            server.clock().advance(step);
            elapsed = elapsed.plus(step);
            assertThat(me(token).status()).as("still alive after %s", elapsed).isEqualTo(200);
        }

        server.clock().advance(step);

        ApiClient.Response expired = me(token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void logoutEndsThatSessionOnly() {
        String first = server.api().login(co.owner().value(), TestServer.PASSWORD);
        String second = server.api().login(co.owner().value(), TestServer.PASSWORD);

        ApiClient.Response logout = server.api().post("/api/v1/auth/logout", first, "");
        assertThat(logout.status()).isEqualTo(204);

        ApiClient.Response after = me(first);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(me(second).status()).as("the user's other session").isEqualTo(200);
        assertThat(server.api().post("/api/v1/auth/logout", first, "").status())
                .as("a logged-out token cannot log out again").isEqualTo(401);
    }

    @Test
    void aMadeUpTokenIsNotASession() {
        ApiClient.Response r = me("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    private static ApiClient.Response me(String token) {
        return server.api().get("/api/v1/me", token);
    }
}
