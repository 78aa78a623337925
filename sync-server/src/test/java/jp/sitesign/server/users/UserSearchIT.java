package jp.sitesign.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The users list: every filter alone and combined, paging, and deleted users kept out unless asked for. */
class UserSearchIT {
    static TestServer server;
    static TestServer.TestCompany co;
    static String admin;
    static List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        co = server.createCompany("検索建設株式会社");
        admin = server.api().login(co.admin().value(), TestServer.PASSWORD);
        register("工藤 一郎", "クドウ イチロウ", "第二工事部", "現場所長", "MEMBER");
        register("工藤 次郎", "クドウ ジロウ", "第二工事部", "係長", "ADMIN");
        register("佐々木 花", "ササキ ハナ", "購買部", "主任", "MEMBER");
        register("田村 直", "タムラ ナオ", "第二工事部", "係長", "MEMBER");
        ApiClient.Response suspended = server.api().post("/api/v1/users/" + ids.get(3) + "/suspend", admin, "");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(server.api().delete("/api/v1/users/" + ids.get(2), admin).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachFilterAloneAndCombinedGivesExactlyTheMatchingUsers() {
        assertThat(search("name=工藤")).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(search("name=クドウ")).as("kana matches too").containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(search("department=第二工事部&title=係長")).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
        assertThat(search("department=第二工事部&title=係長&role=ADMIN")).containsExactly(ids.get(1));
        assertThat(search("status=SUSPENDED")).containsExactly(ids.get(3));
        assertThat(search("id=" + ids.get(0).substring(0, 6))).contains(ids.get(0));
        assertThat(search("name=存在しない")).isEmpty();
    }

    @Test
    void deletedUsersAreHiddenUnlessAskedForAndKeepNoPersonalData() {
        assertThat(search("")).doesNotContain(ids.get(2));
        JsonNode deleted = server.api().get("/api/v1/users?status=DELETED", admin).json().get("items").get(0);
        assertThat(deleted.get("id").asText()).isEqualTo(ids.get(2));
        assertThat(deleted.get("name").asText()).isEmpty();
        assertThat(deleted.get("email").asText()).isEmpty();
    }

    @Test
    void pagesAreStableSlicesOfTheWholeResult() {
        JsonNode first = server.api().get("/api/v1/users?limit=2&offset=0", admin).json();
        JsonNode second = server.api().get("/api/v1/users?limit=2&offset=2", admin).json();
        int total = first.get("total").asInt();
        assertThat(total).isEqualTo(7).as("4 test users + 4 registered - 1 deleted");
        List<String> all = new ArrayList<>();
        first.get("items").forEach(i -> all.add(i.get("id").asText()));
        second.get("items").forEach(i -> all.add(i.get("id").asText()));
        assertThat(all).doesNotHaveDuplicates().hasSize(4);
        assertThat(server.api().get("/api/v1/users?limit=0", admin).code()).isEqualTo("INVALID_FIELD");
        assertThat(server.api().get("/api/v1/users?role=KING", admin).code()).isEqualTo("INVALID_FIELD");
    }

    /** {@code query} as key=value pairs; values are percent-encoded as a real client does. */
    private static List<String> search(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            encoded.append(encoded.length() == 0 ? "" : "&").append(kv[0]).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        ApiClient.Response r = server.api().get("/api/v1/users?" + encoded, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static void register(String name, String kana, String department, String title, String role) {
        ApiClient.Response r = server.api().post("/api/v1/users", admin, Map.of("name", name, "nameKana", kana,
                "email", "u@example.invalid", "department", department, "title", title, "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        ids.add(r.json().get("user").get("id").asText());
    }
}
