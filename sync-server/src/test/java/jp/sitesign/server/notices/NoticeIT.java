package jp.sitesign.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * お知らせ: the operator publishes with the CLI and every logged-in user of every company sees the notices,
 * newest first, each with its own read state. Users who never mark anything read are kept apart from
 * those who do, so the tests do not depend on their order.
 */
class NoticeIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aOwner;
    static String aAdmin;
    static String aMember;
    static String bAdmin;
    static String bMember;
    static long change;
    static long maintenance;
    static long incident;

    @BeforeAll
    static void publishThreeNoticesWithTheCli() {
        server = TestServer.start();
        a = server.createCompany("お知らせ試験建設株式会社");
        b = server.createCompany("別会社設備工業");
        aOwner = server.api().login(a.owner().value(), TestServer.PASSWORD);
        aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = server.api().login(b.admin().value(), TestServer.PASSWORD);
        bMember = server.api().login(b.member().value(), TestServer.PASSWORD);
        change = publish("FUNCTION_CHANGE", "署名画面の改善", "署名の前に PDF の全ページを確認できるようになりました。");
        maintenance = publish("MAINTENANCE", "定期メンテナンスのお知らせ", "2026年12月1日 2:00〜4:00（日本時間）は利用できません。");
        incident = publish("INCIDENT", "通知遅延の障害について", "一部の通知が遅れて届く障害は復旧しました。");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyUserOfEveryCompanySeesEveryNoticeNewestFirstAndUnread() {
        for (String token : List.of(aOwner, aAdmin, bAdmin)) {
            JsonNode list = list(token, "");
            assertThat(ids(list)).containsExactly(incident, maintenance, change);
            assertThat(list.get("unread").asInt()).isEqualTo(3);
            assertThat(list.get("items")).allSatisfy(n -> assertThat(n.get("read").asBoolean()).isFalse());
            List<Instant> published = new ArrayList<>();
            list.get("items").forEach(n -> published.add(Instant.parse(n.get("publishedAt").asText())));
            assertThat(published).isSortedAccordingTo((x, y) -> y.compareTo(x));
        }
        JsonNode items = list(bAdmin, "").get("items");
        assertThat(items.get(0).get("category").asText()).isEqualTo("INCIDENT");
        assertThat(items.get(0).get("categoryLabel").asText()).isEqualTo("障害情報");
        assertThat(items.get(0).get("title").asText()).isEqualTo("通知遅延の障害について");
        assertThat(items.get(1).get("category").asText()).isEqualTo("MAINTENANCE");
        assertThat(items.get(1).get("categoryLabel").asText()).isEqualTo("メンテナンス");
        assertThat(items.get(1).get("body").asText()).isEqualTo("2026年12月1日 2:00〜4:00（日本時間）は利用できません。");
        assertThat(items.get(2).get("category").asText()).isEqualTo("FUNCTION_CHANGE");
        assertThat(items.get(2).get("categoryLabel").asText()).isEqualTo("機能変更");
    }

    @Test
    void markingReadIsPerUserAndIdempotent() {
        assertThat(api().post("/api/v1/notices/" + maintenance + "/read", aMember, "").status()).isEqualTo(204);
        assertThat(api().post("/api/v1/notices/" + maintenance + "/read", aMember, "").status()).isEqualTo(204);

        JsonNode mine = list(aMember, "");
        assertThat(mine.get("unread").asInt()).isEqualTo(2);
        assertThat(readFlags(mine)).containsExactly(false, true, false);
        JsonNode colleague = list(aAdmin, "");
        assertThat(colleague.get("unread").asInt()).isEqualTo(3);
        assertThat(readFlags(colleague)).containsExactly(false, false, false);
        assertThat(list(bAdmin, "").get("unread").asInt()).isEqualTo(3);

        assertThat(api().post("/api/v1/notices/" + incident + "/read", bMember, "").status()).isEqualTo(204);
        assertThat(api().post("/api/v1/notices/" + change + "/read", bMember, "").status()).isEqualTo(204);
        JsonNode other = list(bMember, "");
        assertThat(other.get("unread").asInt()).isEqualTo(1);
        assertThat(readFlags(other)).containsExactly(true, false, true);
        assertThat(list(aMember, "").get("unread").asInt()).isEqualTo(2);
    }

    @Test
    void unknownOrMalformedNoticeIdsAreRefused() {
        ApiClient.Response unknown = api().post("/api/v1/notices/" + (incident + 1000) + "/read", aOwner, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(api().post("/api/v1/notices/abc/read", aOwner, "").code()).isEqualTo("INVALID_FIELD");
        assertThat(list(aOwner, "").get("unread").asInt()).isEqualTo(3);
    }

    @Test
    void pagesKeepTheNewestFirstOrderAndTheTotalUnreadCount() {
        JsonNode second = list(aOwner, "?offset=1&limit=1");
        assertThat(ids(second)).containsExactly(maintenance);
        assertThat(second.get("unread").asInt()).isEqualTo(3);
        assertThat(ids(list(aOwner, "?offset=3&limit=10"))).isEmpty();
    }

    @Test
    void noticesNeedALogin() {
        assertThat(api().get("/api/v1/notices", null).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/notices/" + change + "/read", null, "").status()).isEqualTo(401);
    }

    @Test
    void cliRefusesAnUnknownCategoryAndAnEmptyTitleAndPublishesNothing() {
        OperatorCli.Result badCategory = OperatorCli.run(server, "notice", "publish", "--category", "RUMOUR",
                "--title", "件名", "--body", "本文");
        assertThat(badCategory.exitCode()).as(badCategory.toString()).isEqualTo(2);
        assertThat(badCategory.err()).contains("RUMOUR");
        OperatorCli.Result noTitle = OperatorCli.run(server, "notice", "publish", "--category", "MAINTENANCE",
                "--title", " ", "--body", "本文");
        assertThat(noTitle.exitCode()).as(noTitle.toString()).isEqualTo(1);
        assertThat(noTitle.err()).contains("件名").contains("title");

        assertThat(ids(list(aOwner, ""))).containsExactly(incident, maintenance, change);
    }

    private static long publish(String category, String title, String body) {
        OperatorCli.Result r = OperatorCli.run(server, "notice", "publish", "--category", category, "--title", title,
                "--body", body);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = Pattern.compile("Notice (\\d+) published").matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static ApiClient api() {
        return server.api();
    }

    private static JsonNode list(String token, String query) {
        ApiClient.Response r = api().get("/api/v1/notices" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.get("items").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static List<Boolean> readFlags(JsonNode list) {
        List<Boolean> out = new ArrayList<>();
        list.get("items").forEach(n -> out.add(n.get("read").asBoolean()));
        return out;
    }
}
