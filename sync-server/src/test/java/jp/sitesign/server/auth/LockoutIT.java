package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repeated wrong passwords lock an account for a while (DESIGN §5), visibly in the company's login log;
 * the lock ends by itself, a success resets the count, and the operator's password reset unlocks.
 * Every test locks its own fresh user, so the tests do not depend on each other's order.
 */
class LockoutIT {
    private static final int MAX_FAILURES = 3;
    private static final int LOCK_MINUTES = 15;
    private static final String WRONG = "Wrong-Horse-41";

    static TestServer server;
    static TestServer.TestCompany co;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("login.max-failures", String.valueOf(MAX_FAILURES),
                "login.lock-minutes", String.valueOf(LOCK_MINUTES)));
        co = server.createCompany("ロック試験株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() {
        UserId user = freshUser();
        for (int i = 1; i < MAX_FAILURES; i++) {
            ApiClient.Response r = login(user, WRONG);
            assertThat(r.status()).as("failure %d", i).isEqualTo(401);
            assertThat(r.code()).isEqualTo("LOGIN_FAILED");
        }
        ApiClient.Response last = login(user, WRONG);
        assertThat(last.status()).isEqualTo(403);
        assertThat(last.code()).isEqualTo("ACCOUNT_LOCKED");

        ApiClient.Response right = login(user, TestServer.PASSWORD);
        assertThat(right.status()).isEqualTo(403);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right.json().get("messageJa").asText()).contains("ロック");
        assertThat(right.json().get("messageEn").asText()).containsIgnoringCase("locked");
        assertThat(right.json().has("token")).isFalse();
    }

    @Test
    void theLockAndTheFailuresBeforeItAreInTheCompanysLoginLog() {
        UserId user = freshUser();
        lock(user);
        login(user, TestServer.PASSWORD);

        String ownerToken = server.api().login(co.owner().value(), TestServer.PASSWORD);
        List<JsonNode> failed = auditEvents(ownerToken, user, "LOGIN_FAILED");
        List<JsonNode> locked = auditEvents(ownerToken, user, "ACCOUNT_LOCKED");

        assertThat(failed).as("each wrong password and the refused right one").hasSize(MAX_FAILURES + 1);
        assertThat(failed).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo(user.value());
            assertThat(e.get("loginLog").asBoolean()).isTrue();
            assertThat(e.get("clientIp").asText()).isEqualTo("127.0.0.1");
        });
        assertThat(locked).hasSize(1);
        assertThat(locked.get(0).get("target").asText()).isEqualTo(user.value());
        assertThat(locked.get(0).get("sequence").asLong())
                .as("the lock is recorded right after the failure that caused it, before the refused login")
                .isGreaterThan(failed.get(MAX_FAILURES - 1).get("sequence").asLong())
                .isLessThan(failed.get(MAX_FAILURES).get("sequence").asLong());
        assertThat(failed.get(MAX_FAILURES).get("outcome").asText()).isEqualTo("DENIED");
        assertThat(server.context().audit().verify()).as("the chain still verifies").isEmpty();
    }

    @Test
    void theLockEndsAfterTheLockPeriod() {
        UserId user = freshUser();
        lock(user);

        server.clock().advance(Duration.ofMinutes(LOCK_MINUTES).minusSeconds(30));
        assertThat(login(user, TestServer.PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");

        server.clock().advance(Duration.ofMinutes(1));
        ApiClient.Response r = login(user, TestServer.PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token").asText()).isNotBlank();
    }

    @Test
    void anExpiredLockStartsTheCountAfresh() {
        UserId user = freshUser();
        lock(user);
        server.clock().advance(Duration.ofMinutes(LOCK_MINUTES + 1));

        ApiClient.Response r = login(user, WRONG);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).as("one failure after the lock is not a new lock").isEqualTo("LOGIN_FAILED");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        UserId user = freshUser();
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertThat(login(user, WRONG).code()).isEqualTo("LOGIN_FAILED");
        }
        assertThat(login(user, TestServer.PASSWORD).status()).isEqualTo(200);
        for (int i = 1; i < MAX_FAILURES; i++) {
            ApiClient.Response r = login(user, WRONG);
            assertThat(r.code()).as("failure %d after the success", i).isEqualTo("LOGIN_FAILED");
        }
        assertThat(login(user, TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theOperatorsPasswordResetUnlocksWithAOneTimePassword() {
        UserId user = freshUser();
        lock(user);

        String oneTime = server.context().auth().resetPassword(user);

        ApiClient.Response r = login(user, oneTime);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(login(user, TestServer.PASSWORD).code()).as("the old password is gone").isEqualTo("LOGIN_FAILED");
    }

    @Test
    void aLockedAccountShowsAsLockedToItsAdmins() {
        UserId user = freshUser();
        lock(user);
        String adminToken = server.api().login(co.admin().value(), TestServer.PASSWORD);
        ApiClient.Response r = server.api().get("/api/v1/users/" + user.value(), adminToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("locked").asBoolean()).isTrue();
    }

    private static UserId freshUser() {
        UserId id = server.context().companies().addUser(co.id(), Role.MEMBER,
                new UserProfile("試験 ロック", "シケン ロック", "lock@example.invalid", "工事部", "主任"));
        server.context().auth().setPassword(id, TestServer.PASSWORD, false);
        return id;
    }

    private static void lock(UserId user) {
        ApiClient.Response r = null;
        for (int i = 0; i < MAX_FAILURES; i++) {
            r = login(user, WRONG);
        }
        assertThat(r.code()).isEqualTo("ACCOUNT_LOCKED");
    }

    private static ApiClient.Response login(UserId user, String password) {
        return server.api().post("/api/v1/auth/login", null, Map.of("userId", user.value(), "password", password));
    }

    private static List<JsonNode> auditEvents(String token, UserId user, String action) {
        ApiClient.Response r = server.api().get("/api/v1/audit?user=" + user.value() + "&action=" + action
                + "&limit=500", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        out.sort((a, b) -> Long.compare(a.get("sequence").asLong(), b.get("sequence").asLong()));
        return out;
    }
}
