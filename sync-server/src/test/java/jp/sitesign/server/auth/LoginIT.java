package jp.sitesign.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginIT {
    static TestServer server;
    static TestServer.TestCompany co;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        co = server.createCompany("ログイン試験株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginGivesASessionThatIdentifiesTheUser() {
        String token = server.api().login(co.member().value(), TestServer.PASSWORD);
        ApiClient.Response me = server.api().get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(co.member().value());
        assertThat(me.json().get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void theLoginAnswerNamesTheUsersOwnCompany_forTheSealOnTheDesktop() {
        ApiClient.Response r = server.api().post("/api/v1/auth/login", null,
                Map.of("userId", co.admin().value(), "password", TestServer.PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("companyId").asText()).isEqualTo(co.id().value());
        assertThat(r.json().get("companyName").asText()).isEqualTo("ログイン試験株式会社");
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        ApiClient.Response r = server.api().post("/api/v1/auth/login", null,
                Map.of("userId", co.member2().value(), "password", "wrong-password-1"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("LOGIN_FAILED");
        ApiClient.Response unknown = server.api().post("/api/v1/auth/login", null,
                Map.of("userId", "U00000001", "password", "wrong-password-1"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(r.body());
    }
}
