package jp.sitesign.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The company's login and operation log as its owner and admins see it through the API and in the CSV
 * export. Each test works on its own JST calendar day (the server's clock is set to it), so its events
 * can be selected exactly by the period filter.
 */
class AuditApiIT {
    private static final String IP = "127.0.0.1";
    private static final List<String> CSV_HEADER = List.of("連番", "日時(JST)", "区分", "操作", "結果", "実行者", "対象",
            "接続元IP", "詳細", "ハッシュ");

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("監査試験建設株式会社");
        b = server.createCompany("別会社工務店");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyLoginLockLogoutAndChangeIsRecordedWithActorTargetOutcomeClientIpAndUtcTime() {
        Instant t0 = Instant.parse("2026-03-10T01:00:00Z");
        setClock(t0.minus(java.time.Duration.ofDays(30)));
        String certificate = TestCertificates.register(api(), login(a.admin()), TestCertificates.company(
                "監査試験建設株式会社", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
        setClock(t0);
        String admin = login(a.admin());
        setClock(t0.plusSeconds(60));
        String x = register(admin, "ロック 対象", "ロック タイショウ").get("user").get("id").asText();
        JsonNode yRegistered = register(admin, "変更 対象", "ヘンコウ タイショウ");
        String y = yRegistered.get("user").get("id").asText();
        setClock(t0.plusSeconds(120));
        for (int i = 1; i <= 5; i++) {
            ApiClient.Response r = api().post("/api/v1/auth/login", null,
                    Map.of("userId", x, "password", "Wrong-password-" + i));
            assertThat(r.status()).isIn(401, 403);
            assertThat(r.code()).isEqualTo(i < 5 ? "LOGIN_FAILED" : "ACCOUNT_LOCKED");
        }
        setClock(t0.plusSeconds(180));
        ApiClient.Response locked = api().post("/api/v1/auth/login", null,
                Map.of("userId", x, "password", "Wrong-password-1"));
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        setClock(t0.plusSeconds(240));
        assertThat(api().post("/api/v1/users/" + a.member2().value() + "/suspend", admin, "").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/users/" + a.member2().value() + "/resume", admin, "").status()).isEqualTo(200);
        setClock(t0.plusSeconds(300));
        String member = login(a.member());
        long revision = api().get("/api/v1/me", member).json().get("revision").asLong();
        assertThat(api().put("/api/v1/me", member, Map.of("revision", revision, "name", "試験 一般",
                "nameKana", "シケン イッパン", "email", "member@example.invalid")).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/users", member, registration("越権 試行", "エッケン シコウ")).status())
                .isEqualTo(403);
        setClock(t0.plusSeconds(360));
        String yToken = api().login(y, yRegistered.get("oneTimePassword").asText());
        assertThat(api().post("/api/v1/me/password", yToken, Map.of("currentPassword",
                yRegistered.get("oneTimePassword").asText(), "newPassword", "Brand-new-pass-77")).status())
                .isEqualTo(204);
        setClock(t0.plusSeconds(420));
        JsonNode yView = api().get("/api/v1/users/" + y, admin).json();
        assertThat(api().put("/api/v1/users/" + y, admin, Map.of("revision", yView.get("revision").asLong(),
                "name", "変更 対象", "nameKana", "ヘンコウ タイショウ", "email", "y@example.invalid",
                "department", "設計部", "title", "課長", "role", "MEMBER")).status()).isEqualTo(200);
        assertThat(api().put("/api/v1/users/" + a.member().value() + "/signing-authority", admin,
                Map.of("granted", true, "certificateNumber", certificate)).status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/users/" + x, admin).status()).isEqualTo(200);
        setClock(t0.plusSeconds(480));
        assertThat(api().post("/api/v1/auth/logout", member, "").status()).isEqualTo(204);

        String ad = a.admin().value();
        String me = a.member().value();
        String m2 = a.member2().value();
        List<Event> expected = new ArrayList<>(List.of(
                new Event(AuditAction.LOGIN, ad, null, AuditOutcome.SUCCESS, t0),
                new Event(AuditAction.USER_REGISTERED, ad, x, AuditOutcome.SUCCESS, t0.plusSeconds(60)),
                new Event(AuditAction.USER_REGISTERED, ad, y, AuditOutcome.SUCCESS, t0.plusSeconds(60))));
        for (int i = 0; i < 5; i++) {
            expected.add(new Event(AuditAction.LOGIN_FAILED, x, null, AuditOutcome.FAILURE, t0.plusSeconds(120)));
        }
        expected.addAll(List.of(
                new Event(AuditAction.ACCOUNT_LOCKED, x, x, AuditOutcome.SUCCESS, t0.plusSeconds(120)),
                new Event(AuditAction.LOGIN_FAILED, x, null, AuditOutcome.DENIED, t0.plusSeconds(180)),
                new Event(AuditAction.USER_SUSPENDED, ad, m2, AuditOutcome.SUCCESS, t0.plusSeconds(240)),
                new Event(AuditAction.USER_RESUMED, ad, m2, AuditOutcome.SUCCESS, t0.plusSeconds(240)),
                new Event(AuditAction.LOGIN, me, null, AuditOutcome.SUCCESS, t0.plusSeconds(300)),
                new Event(AuditAction.PROFILE_UPDATED, me, me, AuditOutcome.SUCCESS, t0.plusSeconds(300)),
                new Event(AuditAction.ACCESS_DENIED, me, null, AuditOutcome.DENIED, t0.plusSeconds(300)),
                new Event(AuditAction.LOGIN, y, null, AuditOutcome.SUCCESS, t0.plusSeconds(360)),
                new Event(AuditAction.PASSWORD_CHANGED, y, y, AuditOutcome.SUCCESS, t0.plusSeconds(360)),
                new Event(AuditAction.USER_UPDATED, ad, y, AuditOutcome.SUCCESS, t0.plusSeconds(420)),
                new Event(AuditAction.SIGNING_AUTHORITY_CHANGED, ad, me, AuditOutcome.SUCCESS, t0.plusSeconds(420)),
                new Event(AuditAction.USER_DELETED, ad, x, AuditOutcome.SUCCESS, t0.plusSeconds(420)),
                new Event(AuditAction.LOGOUT, me, null, AuditOutcome.SUCCESS, t0.plusSeconds(480))));

        List<JsonNode> items = list(admin, "from=2026-03-10&to=2026-03-10");
        assertThat(items).allSatisfy(e -> {
            assertThat(e.get("clientIp").asText()).isEqualTo(IP);
            assertThat(e.get("time").asText()).endsWith("Z");
        });
        List<Event> oldestFirst = new ArrayList<>(items.stream().map(Event::of).toList());
        java.util.Collections.reverse(oldestFirst);
        assertThat(oldestFirst).containsExactlyElementsOf(expected);
        JsonNode lock = items.stream().filter(e -> e.get("action").asText().equals("ACCOUNT_LOCKED")).findFirst()
                .orElseThrow();
        assertThat(lock.get("loginLog").asBoolean()).isTrue();
        assertThat(lock.get("actionLabel").asText()).isEqualTo("アカウントロック");
        assertThat(lock.get("timeJst").asText()).isEqualTo("2026-03-10 10:02:00+09:00");
    }

    @Test
    void adminsSeeOnlyTheirOwnCompanysEvents() {
        setClock(Instant.parse("2026-04-01T02:00:00Z"));
        String bAdmin = login(b.admin());
        String bNew = register(bAdmin, "他社 利用者", "タシャ リヨウシャ").get("user").get("id").asText();
        api().post("/api/v1/auth/login", null, Map.of("userId", b.member().value(), "password", "Wrong-password-9"));
        api().post("/api/v1/users/" + b.member2().value() + "/suspend", bAdmin, "");
        api().post("/api/v1/users/" + b.member2().value() + "/resume", bAdmin, "");
        String aAdmin = login(a.admin());
        Set<String> bIds = Set.of(b.id().value(), b.owner().value(), b.admin().value(), b.member().value(),
                b.member2().value(), bNew);

        List<JsonNode> bSees = list(bAdmin, "from=2026-04-01&to=2026-04-01");
        assertThat(bSees).extracting(e -> e.get("actor").asText()).as("control: B's admin sees B's events")
                .contains(b.admin().value(), b.member().value());

        List<JsonNode> sameDay = list(aAdmin, "from=2026-04-01&to=2026-04-01");
        assertThat(sameDay).extracting(Event::of)
                .containsExactly(new Event(AuditAction.LOGIN, a.admin().value(), null, AuditOutcome.SUCCESS,
                        Instant.parse("2026-04-01T02:00:00Z")));
        List<JsonNode> everything = list(aAdmin, "");
        assertThat(everything).extracting(e -> e.get("action").asText()).contains("COMPANY_CREATED");
        assertThat(everything).noneMatch(e -> mentionsAny(e, bIds));
        assertThat(list(aAdmin, "user=" + b.admin().value())).isEmpty();
        assertThat(list(aAdmin, "user=" + b.member().value() + "&action=LOGIN_FAILED")).isEmpty();

        String csv = exportText(aAdmin, "");
        for (String id : bIds) {
            assertThat(csv).doesNotContain(id);
        }
    }

    @Test
    void periodFilterSelectsJstCalendarDays() {
        Instant e0 = Instant.parse("2026-01-01T14:00:00Z");
        Instant e1 = Instant.parse("2026-01-01T14:59:59Z");
        Instant e2 = Instant.parse("2026-01-01T15:00:00Z");
        Instant e3 = Instant.parse("2026-01-01T15:30:00Z");
        Instant e4 = Instant.parse("2026-01-02T14:50:00Z");
        Instant e5 = Instant.parse("2026-01-02T14:59:59.999999Z");
        Instant e6 = Instant.parse("2026-01-02T15:00:00Z");
        for (Instant at : List.of(e0, e1, e2, e3, e4, e5, e6)) {
            setClock(at);
            login(a.admin());
        }
        setClock(Instant.parse("2026-01-05T00:00:00Z"));
        String admin = login(a.admin());

        assertThat(times(list(admin, "from=2026-01-01&to=2026-01-01"))).containsExactly(e1, e0);
        assertThat(times(list(admin, "from=2026-01-02&to=2026-01-02"))).containsExactly(e5, e4, e3, e2);
        assertThat(times(list(admin, "from=2026-01-02&to=2026-01-03"))).containsExactly(e6, e5, e4, e3, e2);
        assertThat(times(list(admin, "to=2026-01-01"))).containsExactly(e1, e0);
        JsonNode halfPastMidnight = list(admin, "from=2026-01-02&to=2026-01-02").get(2);
        assertThat(halfPastMidnight.get("time").asText()).isEqualTo("2026-01-01T15:30:00Z");
        assertThat(halfPastMidnight.get("timeJst").asText()).isEqualTo("2026-01-02 00:30:00+09:00");
    }

    @Test
    void userAndActionFiltersCombineWithThePeriod() {
        Instant day = Instant.parse("2026-05-12T00:00:00Z");
        setClock(day);
        String owner = login(a.owner());
        String admin = login(a.admin());
        login(a.member());
        suspendOrResume(admin, "suspend");
        suspendOrResume(admin, "resume");
        suspendOrResume(owner, "suspend");
        suspendOrResume(owner, "resume");
        String period = "from=2026-05-12&to=2026-05-12";

        assertThat(actions(list(admin, period + "&user=" + a.admin().value())))
                .containsExactly("USER_RESUMED", "USER_SUSPENDED", "LOGIN");
        assertThat(actors(list(admin, period + "&action=USER_SUSPENDED")))
                .containsExactly(a.owner().value(), a.admin().value());
        assertThat(actors(list(admin, period + "&action=LOGIN")))
                .containsExactly(a.member().value(), a.admin().value(), a.owner().value());
        assertThat(list(admin, period + "&user=" + a.owner().value() + "&action=USER_SUSPENDED"))
                .extracting(Event::of).containsExactly(new Event(AuditAction.USER_SUSPENDED, a.owner().value(),
                        a.member2().value(), AuditOutcome.SUCCESS, day));
        assertThat(list(admin, period + "&user=" + a.member().value() + "&action=USER_SUSPENDED")).isEmpty();
        assertThat(list(admin, "from=2026-05-13&to=2026-05-13&user=" + a.admin().value())).isEmpty();

        assertThat(api().get("/api/v1/audit?action=NO_SUCH_ACTION", admin).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get("/api/v1/audit?user=someone", admin).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get("/api/v1/audit?from=2026-13-01", admin).code()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void pagesAreNewestFirstWithoutGapsOrOverlap() {
        setClock(Instant.parse("2026-06-20T03:00:00Z"));
        String admin = login(a.admin());
        for (String step : List.of("suspend", "resume", "suspend", "resume")) {
            server.clock().advance(Duration.ofSeconds(10));
            suspendOrResume(admin, step);
        }
        String day = "from=2026-06-20&to=2026-06-20";
        List<JsonNode> all = list(admin, day);
        assertThat(all).hasSize(5);

        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            ApiClient.Response page = api().get("/api/v1/audit?" + day + "&limit=2&offset=" + offset, admin);
            assertThat(page.json().get("offset").asInt()).isEqualTo(offset);
            assertThat(page.json().get("limit").asInt()).isEqualTo(2);
            page.json().get("items").forEach(e -> paged.add(e.get("sequence").asLong()));
        }
        assertThat(paged).containsExactlyElementsOf(all.stream().map(e -> e.get("sequence").asLong()).toList());
        assertThat(paged).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(api().get("/api/v1/audit?limit=0", admin).code()).isEqualTo("INVALID_FIELD");
        assertThat(api().get("/api/v1/audit?limit=501", admin).code()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void membersMayNeitherReadNorExportTheLogAndTheRefusedExportIsRecorded() {
        Instant when = Instant.parse("2026-07-01T05:00:00Z");
        setClock(when);
        String member = login(a.member());
        ApiClient.Response read = api().get("/api/v1/audit", member);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("FORBIDDEN");
        ApiClient.Response export = api().get("/api/v1/audit/export", member);
        assertThat(export.status()).isEqualTo(403);
        assertThat(export.body()).doesNotContain("連番");
        assertThat(api().get("/api/v1/audit", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/audit/export", null).status()).isEqualTo(401);

        String owner = login(a.owner());
        List<JsonNode> denied = list(owner, "from=2026-07-01&to=2026-07-01&action=ACCESS_DENIED");
        assertThat(denied).extracting(Event::of).containsExactly(
                new Event(AuditAction.ACCESS_DENIED, a.member().value(), null, AuditOutcome.DENIED, when));
        assertThat(denied.get(0).get("details").asText()).contains("EXPORT_AUDIT_LOG");
        assertThat(denied.get(0).get("clientIp").asText()).isEqualTo(IP);
    }

    @Test
    void csvExportIsUtf8WithBomJapaneseHeaderJstTimesAndSafeCells() {
        Instant login = Instant.parse("2026-08-02T15:30:00Z");
        setClock(login);
        String admin = login(a.admin());
        String awkward = "山田, \"現場\" 監督\r\n二行目";
        AuditLog log = server.context().audit();
        log.append(new AuditLog.Entry(a.admin().value(), a.id().value(), AuditAction.USER_UPDATED, a.member().value(),
                AuditOutcome.SUCCESS, IP, awkward));
        log.append(new AuditLog.Entry(a.admin().value(), a.id().value(), AuditAction.USER_UPDATED,
                "=HYPERLINK(\"http://evil.example/\",\"click\")", AuditOutcome.SUCCESS, IP, "+1+2"));
        log.append(new AuditLog.Entry(a.admin().value(), a.id().value(), AuditAction.USER_UPDATED, "@SUM(A1)",
                AuditOutcome.FAILURE, IP, "-3"));

        ApiClient.Response r = api().get("/api/v1/audit/export?from=2026-08-03&to=2026-08-03", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase(
                "charset=UTF-8");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains(".csv");
        assertThat(Arrays.copyOf(r.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = Csv.parse(new String(r.bytes(), 3, r.bytes().length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(CSV_HEADER);
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).allSatisfy(row -> {
            assertThat(row).hasSize(CSV_HEADER.size());
            assertThat(row.get(1)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\+09:00");
            assertThat(row).noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        });

        List<JsonNode> api = list(admin, "from=2026-08-03&to=2026-08-03");
        assertThat(api).extracting(e -> e.get("action").asText()).as("the export itself is recorded")
                .contains("AUDIT_EXPORTED");
        JsonNode exported = api.get(0);
        assertThat(Event.of(exported)).isEqualTo(
                new Event(AuditAction.AUDIT_EXPORTED, a.admin().value(), null, AuditOutcome.SUCCESS, login));
        assertThat(exported.get("clientIp").asText()).isEqualTo(IP);
        assertThat(data).extracting(row -> Long.parseLong(row.get(0))).as("chain order, this day only")
                .containsExactlyElementsOf(api.stream().map(e -> e.get("sequence").asLong()).sorted().toList());
        for (List<String> row : data) {
            JsonNode e = api.stream().filter(j -> j.get("sequence").asText().equals(row.get(0))).findFirst()
                    .orElseThrow();
            assertThat(row.get(1)).isEqualTo(JapanTime.display(Instant.parse(e.get("time").asText())));
            assertThat(row.get(2)).isEqualTo(e.get("loginLog").asBoolean() ? "ログイン履歴" : "操作履歴");
            assertThat(row.get(3)).isEqualTo(e.get("actionLabel").asText());
            assertThat(row.get(9)).isEqualTo(e.get("hash").asText());
        }
        assertThat(data.get(0).subList(1, 8)).containsExactly("2026-08-03 00:30:00+09:00", "ログイン履歴", "ログイン",
                "成功", a.admin().value(), "", IP);
        assertThat(data.get(1).get(8)).isEqualTo(awkward);
        assertThat(data.get(2).get(6)).isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"click\")");
        assertThat(data.get(2).get(8)).isEqualTo("'+1+2");
        assertThat(data.get(3).subList(4, 9)).containsExactly("失敗", a.admin().value(), "'@SUM(A1)", IP, "'-3");
    }

    @Test
    void operatorCliExportWritesTheSameRowsAsTheApi(@TempDir Path tmp) throws IOException {
        Instant beforeMidnight = Instant.parse("2026-09-14T14:50:00Z");
        setClock(beforeMidnight);
        login(a.member());
        setClock(Instant.parse("2026-09-14T15:10:00Z"));
        String admin = login(a.admin());
        // Each API export records itself, so each CLI export runs right after the API export it is compared with.
        ApiClient.Response day = api().get("/api/v1/audit/export?from=2026-09-15&to=2026-09-15", admin);
        assertThat(day.status()).isEqualTo(200);
        Path dayFile = tmp.resolve("day.csv");
        OperatorCli.Result rd = OperatorCli.run(server, "audit", "export", "--company", a.id().value(), "--from",
                "2026-09-15", "--to", "2026-09-15", "--out", dayFile.toString());
        assertThat(rd.exitCode()).as(rd.toString()).isZero();
        ApiClient.Response all = api().get("/api/v1/audit/export", admin);
        assertThat(all.status()).isEqualTo(200);
        Path allFile = tmp.resolve("all.csv");
        OperatorCli.Result r = OperatorCli.run(server, "audit", "export", "--company", a.id().value(), "--out",
                allFile.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        assertThat(Files.readAllBytes(allFile)).isEqualTo(all.bytes());
        assertThat(Files.readAllBytes(dayFile)).isEqualTo(day.bytes());
        List<List<String>> dayRows = Csv.parse(new String(Files.readAllBytes(dayFile), StandardCharsets.UTF_8)
                .substring(1));
        assertThat(dayRows.subList(1, dayRows.size())).extracting(row -> row.get(3)).as("member's login at 23:50 JST"
                + " on 09-14 is not on 09-15").containsExactly("ログイン", "ログ出力");
        assertThat(r.out()).contains((Csv.parse(new String(all.bytes(), StandardCharsets.UTF_8).substring(1)).size()
                - 1) + " events");
        JsonNode newest = api().get("/api/v1/audit?limit=1", admin).json().get("items").get(0);
        assertThat(newest.get("action").asText()).as("the operator's export leaves a trace").isEqualTo("AUDIT_EXPORTED");
        assertThat(newest.get("actor").asText()).isEqualTo("operator");
    }

    private static ApiClient api() {
        return server.api();
    }

    private static void setClock(Instant at) {
        server.clock().advance(Duration.between(server.clock().instant(), at));
    }

    private static String login(jp.sitesign.model.user.UserId user) {
        return api().login(user.value(), TestServer.PASSWORD);
    }

    private static Map<String, Object> registration(String name, String kana) {
        return Map.of("name", name, "nameKana", kana, "email", "new@example.invalid", "department", "工事部",
                "title", "主任", "role", "MEMBER");
    }

    private static JsonNode register(String token, String name, String kana) {
        ApiClient.Response r = api().post("/api/v1/users", token, registration(name, kana));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static void suspendOrResume(String token, String step) {
        ApiClient.Response r = api().post("/api/v1/users/" + a.member2().value() + "/" + step, token, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<JsonNode> list(String token, String query) {
        ApiClient.Response r = api().get("/api/v1/audit?limit=500&" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        return out;
    }

    private static String exportText(String token, String query) {
        ApiClient.Response r = api().get("/api/v1/audit/export?" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private static List<Instant> times(List<JsonNode> events) {
        return events.stream().map(e -> Instant.parse(e.get("time").asText())).toList();
    }

    private static List<String> actions(List<JsonNode> events) {
        return events.stream().map(e -> e.get("action").asText()).toList();
    }

    private static List<String> actors(List<JsonNode> events) {
        return events.stream().map(e -> e.get("actor").asText()).toList();
    }

    private static boolean mentionsAny(JsonNode e, Set<String> ids) {
        Set<String> values = new HashSet<>();
        for (String field : List.of("actor", "target", "details")) {
            values.add(e.path(field).asText(""));
        }
        return values.stream().anyMatch(v -> ids.stream().anyMatch(v::contains));
    }

    /** What the tests compare: who did what to whom, how it ended, and when (UTC). */
    record Event(AuditAction action, String actor, String target, AuditOutcome outcome, Instant time) {
        static Event of(JsonNode e) {
            return new Event(AuditAction.valueOf(e.get("action").asText()), e.get("actor").asText(),
                    e.path("target").isTextual() ? e.get("target").asText() : null,
                    AuditOutcome.valueOf(e.get("outcome").asText()), Instant.parse(e.get("time").asText()));
        }

        @Override
        public String toString() {
            return action + " by " + actor + (target == null ? "" : " on " + target) + " " + outcome + " at " + time;
        }
    }
}
