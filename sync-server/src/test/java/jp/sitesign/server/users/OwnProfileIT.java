package jp.sitesign.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 自分の情報 as the desktop's profile screen uses it: every user (一般利用者 included) edits their own name, kana
 * and email through {@code PUT /api/v1/me}, which is audited; an invalid address is refused with a Japanese and an
 * English text; and a 一般利用者 can change nobody else's profile, neither through the admins' user resource nor by
 * naming another user in the body of their own.
 */
class OwnProfileIT {
    static TestServer server;
    static TestServer.TestCompany co;
    static String memberToken;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
        co = server.createCompany("自分の情報試験株式会社");
        memberToken = server.api().login(co.member().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMemberEditsTheirOwnNameKanaAndEmailAndTheChangeIsAudited() {
        ApiClient.Response edit = server.api().put("/api/v1/me", memberToken, profile(revision(memberToken),
                "現場 太郎", "ゲンバ タロウ", "taro@example.invalid"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);

        JsonNode me = server.api().get("/api/v1/me", memberToken).json();
        assertThat(me.get("name").asText()).isEqualTo("現場 太郎");
        assertThat(me.get("nameKana").asText()).isEqualTo("ゲンバ タロウ");
        assertThat(me.get("email").asText()).isEqualTo("taro@example.invalid");
        assertThat(me.get("role").asText()).as("the role is not the user's to change").isEqualTo("MEMBER");

        String adminToken = server.api().login(co.admin().value(), TestServer.PASSWORD);
        ApiClient.Response audit = server.api().get("/api/v1/audit?action=PROFILE_UPDATED", adminToken);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body()).contains(co.member().value());
    }

    @Test
    void anInvalidEmailIsRefusedInJapaneseAndEnglish() {
        ApiClient.Response edit = server.api().put("/api/v1/me", memberToken, profile(revision(memberToken),
                "現場 太郎", "ゲンバ タロウ", "not-an-address"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(400);
        assertThat(edit.json().get("messageJa").asText()).contains("メールアドレスの形式が正しくありません");
        assertThat(edit.json().get("messageEn").asText()).contains("email address is not valid");
    }

    @Test
    void aMemberCannotChangeAnotherUsersProfile() {
        String adminToken = server.api().login(co.admin().value(), TestServer.PASSWORD);
        JsonNode before = server.api().get("/api/v1/users/" + co.member2().value(), adminToken).json();

        Map<String, Object> other = profile(before.get("revision").asLong(), "乗っ取り 花子", "ノットリ ハナコ",
                "evil@example.invalid");
        other.put("role", "MEMBER");
        ApiClient.Response viaUsers = server.api().put("/api/v1/users/" + co.member2().value(), memberToken, other);
        assertThat(viaUsers.status()).as(viaUsers.toString()).isEqualTo(403);
        assertThat(viaUsers.json().get("messageJa").asText()).isNotBlank();
        assertThat(viaUsers.json().get("messageEn").asText()).isNotBlank();

        Map<String, Object> naming = profile(revision(memberToken), "乗っ取り 花子", "ノットリ ハナコ",
                "evil@example.invalid");
        naming.put("id", co.member2().value());
        ApiClient.Response viaMe = server.api().put("/api/v1/me", memberToken, naming);
        assertThat(viaMe.status()).as("an id in the body is no way to name someone else: " + viaMe)
                .isIn(400, 403);

        JsonNode after = server.api().get("/api/v1/users/" + co.member2().value(), adminToken).json();
        assertThat(after.get("name").asText()).isEqualTo(before.get("name").asText());
        assertThat(after.get("email").asText()).isEqualTo(before.get("email").asText());
        assertThat(after.get("revision").asLong()).isEqualTo(before.get("revision").asLong());
    }

    private static long revision(String token) {
        return server.api().get("/api/v1/me", token).json().get("revision").asLong();
    }

    private static Map<String, Object> profile(long revision, String name, String kana, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision);
        m.put("name", name);
        m.put("nameKana", kana);
        m.put("email", email);
        return m;
    }
}
