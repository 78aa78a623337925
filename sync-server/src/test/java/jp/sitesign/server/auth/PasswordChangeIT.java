package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user registered by an admin gets a one-time password and can do nothing but change it; the new
 * password must pass the rules, each refusal saying which rule failed; a change ends the user's other
 * sessions but not the one that made it.
 */
class PasswordChangeIT {
    private static final String NEW_PASSWORD = "Fresh-Lantern-73";

    static TestServer server;
    static TestServer.TestCompany co;
    static String adminToken;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("password.min-length", "10"));
        co = server.createCompany("パスワード試験株式会社");
        adminToken = server.api().login(co.admin().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewUserMustChangeTheOneTimePasswordBeforeDoingAnythingElse() {
        ApiClient.Response created = server.api().post("/api/v1/users", adminToken, registration("新人 一郎"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().get("user").get("id").asText();
        String oneTime = created.json().get("oneTimePassword").asText();
        assertThat(created.json().get("user").get("mustChangePassword").asBoolean()).isTrue();

        ApiClient.Response login = server.api().post("/api/v1/auth/login", null,
                Map.of("userId", userId, "password", oneTime));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("mustChangePassword").asBoolean()).isTrue();
        String token = login.json().get("token").asText();

        assertEverythingElseRefused(token, userId);
        ApiClient.Response me = server.api().get("/api/v1/me", token);
        assertThat(me.status()).as("who am I stays available").isEqualTo(200);
        assertThat(me.json().get("mustChangePassword").asBoolean()).isTrue();

        ApiClient.Response change = server.api().post("/api/v1/me/password", token,
                Map.of("currentPassword", oneTime, "newPassword", NEW_PASSWORD));
        assertThat(change.status()).as(change.toString()).isEqualTo(204);

        assertThat(server.api().get("/api/v1/me", token).json().get("mustChangePassword").asBoolean()).isFalse();
        assertThat(server.api().get("/api/v1/notices", token).status()).isEqualTo(200);
        long revision = server.api().get("/api/v1/me", token).json().get("revision").asLong();
        ApiClient.Response edit = server.api().put("/api/v1/me", token, Map.of("revision", revision,
                "name", "新人 一郎", "nameKana", "シンジン イチロウ", "email", "ichiro@example.invalid"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(server.api().post("/api/v1/auth/login", null, Map.of("userId", userId, "password", oneTime))
                .code()).as("the one-time password is used up").isEqualTo("LOGIN_FAILED");
        assertThat(server.api().login(userId, NEW_PASSWORD)).isNotBlank();
    }

    @Test
    void aUserOnAOneTimePasswordMayStillLogOut() {
        ApiClient.Response created = server.api().post("/api/v1/users", adminToken, registration("新人 二郎"));
        String userId = created.json().get("user").get("id").asText();
        String token = server.api().login(userId, created.json().get("oneTimePassword").asText());

        assertThat(server.api().post("/api/v1/auth/logout", token, "").status()).isEqualTo(204);
        assertThat(server.api().get("/api/v1/me", token).status()).isEqualTo(401);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("too short", "Ab1-xy", "10 文字以上", "at least 10 characters"),
                Arguments.of("contains the user id", "{id}-Kq!", "利用者 ID", "user id"),
                Arguments.of("a common password", "password123!", "よく使われる", "too common"),
                Arguments.of("a common password with a capital", "Qwerty2026!", "よく使われる", "too common"),
                Arguments.of("only letters", "kqzvtrwmpxlyhb", "2 種類以上", "at least two of"),
                Arguments.of("only digits", "80417263951847", "2 種類以上", "at least two of"),
                Arguments.of("a control character", "Fresh-Lantern-73\u0000", "制御文字", "control characters"),
                Arguments.of("the current password", TestServer.PASSWORD, "現在と同じ", "differ from the current"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aPasswordBreakingARuleIsRefusedNamingTheRule(String rule, String candidate, String ja, String en) {
        UserId user = freshUser();
        String token = server.api().login(user.value(), TestServer.PASSWORD);
        String newPassword = candidate.replace("{id}", user.value().toLowerCase());

        ApiClient.Response r = server.api().post("/api/v1/me/password", token,
                Map.of("currentPassword", TestServer.PASSWORD, "newPassword", newPassword));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("PASSWORD_RULE");
        assertThat(r.json().get("messageJa").asText()).contains(ja);
        assertThat(r.json().get("messageEn").asText()).contains(en);
        assertThat(server.api().login(user.value(), TestServer.PASSWORD)).as("the password is unchanged").isNotBlank();
        assertThat(server.api().get("/api/v1/me", token).status()).as("the session survives").isEqualTo(200);
    }

    @Test
    void aRefusalNamesEveryBrokenRuleAndOnlyThose() {
        UserId user = freshUser();
        String token = server.api().login(user.value(), TestServer.PASSWORD);
        ApiClient.Response r = server.api().post("/api/v1/me/password", token,
                Map.of("currentPassword", TestServer.PASSWORD, "newPassword", "kqzvtrw"));
        assertThat(r.code()).isEqualTo("PASSWORD_RULE");
        assertThat(r.json().get("messageEn").asText()).contains("at least 10 characters", "at least two of")
                .doesNotContain("user id", "too common");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndRecorded() {
        UserId user = freshUser();
        String token = server.api().login(user.value(), TestServer.PASSWORD);

        ApiClient.Response r = server.api().post("/api/v1/me/password", token,
                Map.of("currentPassword", "Not-The-Password-9", "newPassword", NEW_PASSWORD));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("WRONG_CURRENT_PASSWORD");
        assertThat(server.api().login(user.value(), TestServer.PASSWORD)).as("password unchanged").isNotBlank();
        ApiClient.Response log = server.api().get("/api/v1/audit?user=" + user.value() + "&action=PASSWORD_CHANGED",
                adminToken);
        assertThat(log.json().get("items")).anySatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("FAILURE"));
    }

    @Test
    void aChangeEndsTheUsersOtherSessionsButNotTheCurrentOne() {
        UserId user = freshUser();
        String current = server.api().login(user.value(), TestServer.PASSWORD);
        String other = server.api().login(user.value(), TestServer.PASSWORD);

        ApiClient.Response r = server.api().post("/api/v1/me/password", current,
                Map.of("currentPassword", TestServer.PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);

        assertThat(server.api().get("/api/v1/me", current).status()).isEqualTo(200);
        ApiClient.Response ended = server.api().get("/api/v1/me", other);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/auth/login", null,
                Map.of("userId", user.value(), "password", TestServer.PASSWORD)).code())
                .as("the old password no longer works").isEqualTo("LOGIN_FAILED");
        assertThat(server.api().login(user.value(), NEW_PASSWORD)).isNotBlank();
        assertThat(server.api().get("/api/v1/me", adminToken).status()).as("other users' sessions").isEqualTo(200);
    }

    private static void assertEverythingElseRefused(String token, String ownId) {
        Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
        answers.put("GET /users", server.api().get("/api/v1/users", token));
        answers.put("GET /users/{id}", server.api().get("/api/v1/users/" + ownId, token));
        answers.put("POST /users", server.api().post("/api/v1/users", token, registration("不正 登録")));
        answers.put("PUT /me", server.api().put("/api/v1/me", token, Map.of("revision", 1, "name", "改名",
                "nameKana", "カイメイ", "email", "x@example.invalid")));
        answers.put("GET /notices", server.api().get("/api/v1/notices", token));
        answers.put("POST /notices/1/read", server.api().post("/api/v1/notices/1/read", token, ""));
        answers.put("GET /audit", server.api().get("/api/v1/audit", token));
        answers.put("GET /audit/export", server.api().get("/api/v1/audit/export", token));
        answers.put("PUT /users/{id}/signing-authority", server.api().put("/api/v1/users/" + ownId
                + "/signing-authority", token, Map.of("granted", true)));
        answers.forEach((call, r) -> {
            assertThat(r.status()).as(call + ": " + r).isEqualTo(403);
            assertThat(r.code()).as(call).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        });
    }

    private static Map<String, Object> registration(String name) {
        return Map.of("name", name, "nameKana", "シンジン", "email", "new@example.invalid", "department", "工事部",
                "title", "担当", "role", Role.MEMBER.name());
    }

    /** A user of the test company with the known password and no forced change. */
    private static UserId freshUser() {
        UserId id = server.context().companies().addUser(co.id(), Role.MEMBER,
                new UserProfile("試験 変更", "シケン ヘンコウ", "change@example.invalid", "工事部", "主任"));
        server.context().auth().setPassword(id, TestServer.PASSWORD, false);
        return id;
    }
}
