package jp.sitesign.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input on every JSON endpoint. Each refusal must be a 4xx with the usual JSON error
 * (code, messageJa, messageEn) that gives nothing internal away, the server must keep serving, and no
 * stored user may have changed. Text that merely looks like SQL or script is data: stored and returned
 * exactly as sent.
 */
class BadInputIT {
    private static final int MAX_BODY = 65_536;
    private static final int MAX_HEADER = 8_192;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FRAGMENTS = List.of("' OR '1'='1", "<script>alert(1)</script>",
            "'; DROP TABLE users; --", "\u0000");
    /** What an answer must never show: exception and class names, SQL, stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|SQL|\\b(java|javax|jakarta|com|org|jp)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"
                    + "|\\bat [\\w$.]+\\(|\\.java:\\d+");

    static TestServer server;
    static TestServer.TestCompany co;
    static String adminToken;
    static String certificate;
    static String memberToken;
    static String member2Token;
    static RawHttps raw;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("limits.max-body-bytes", String.valueOf(MAX_BODY),
                "limits.max-header-bytes", String.valueOf(MAX_HEADER),
                // Wrong passwords are part of the input here; the lockout and the throttle have their own tests.
                "login.max-failures", "100000", "login.address-max-failures", "100000"));
        co = server.createCompany("入力検査株式会社");
        adminToken = server.api().login(co.admin().value(), TestServer.PASSWORD);
        certificate = TestCertificates.register(server.api(), adminToken,
                TestCertificates.company(server, "入力検査株式会社"));
        memberToken = server.api().login(co.member().value(), TestServer.PASSWORD);
        member2Token = server.api().login(co.member2().value(), TestServer.PASSWORD);
        raw = new RawHttps(server.port(), server.server().tls().certificate());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    enum Who { NOBODY, ADMIN, MEMBER }

    /**
     * A JSON endpoint with a body it accepts; mutations of that body must be refused.
     *
     * @param formatted string fields with a format (id, email, kana, enum, password) that no fragment fits
     * @param freeText  string fields where any printable text is valid
     */
    record Endpoint(String name, String method, String path, Who who, Supplier<ObjectNode> validBody,
            List<String> formatted, List<String> freeText) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        String target = "/api/v1/users/" + co.member2().value();
        return Stream.of(
                new Endpoint("login", "POST", "/api/v1/auth/login", Who.NOBODY,
                        () -> object("userId", co.member().value(), "password", TestServer.PASSWORD),
                        List.of("userId", "password"), List.of()),
                new Endpoint("register user", "POST", "/api/v1/users", Who.ADMIN,
                        () -> object("name", "入力 太郎", "nameKana", "ニュウリョク タロウ", "email", "taro@example.invalid",
                                "department", "工事部", "title", "主任", "role", "MEMBER"),
                        List.of("nameKana", "email", "role"), List.of("name", "department", "title")),
                new Endpoint("update user", "PUT", target, Who.ADMIN,
                        () -> object("revision", revision(co.member2()), "name", "試験 一般二", "nameKana", "シケン",
                                "email", "test@example.invalid", "department", "工事部", "title", "主任", "role", "MEMBER"),
                        List.of("nameKana", "email", "role"), List.of("name", "department", "title")),
                new Endpoint("update own profile", "PUT", "/api/v1/me", Who.MEMBER,
                        () -> object("revision", revision(co.member()), "name", "試験 一般", "nameKana", "シケン",
                                "email", "test@example.invalid"),
                        List.of("nameKana", "email"), List.of("name")),
                new Endpoint("change password", "POST", "/api/v1/me/password", Who.MEMBER,
                        () -> object("currentPassword", TestServer.PASSWORD, "newPassword", "Brand-New-Pass-77"),
                        List.of("currentPassword"), List.of()),
                new Endpoint("signing authority", "PUT", target + "/signing-authority", Who.ADMIN,
                        () -> object("granted", true, "certificateNumber", certificate), List.of("certificateNumber"),
                        List.of()));
    }

    /** Each baseline body really is accepted, so every refusal below is due to the mutation alone. */
    @Test
    void theBaselineBodiesAreAccepted() {
        endpoints().forEach(e -> {
            ApiClient.Response r = send(e, bytes(e.validBody().get()), "application/json");
            assertThat(r.status()).as(e + ": " + r).isBetween(200, 299);
        });
        // Put back what the baseline requests changed that other tests rely on.
        assertThat(server.api().post("/api/v1/me/password", memberToken, Map.of("currentPassword",
                "Brand-New-Pass-77", "newPassword", TestServer.PASSWORD)).status()).isEqualTo(204);
        assertThat(server.api().put("/api/v1/users/" + co.member2().value() + "/signing-authority", adminToken,
                Map.of("granted", false)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void malformedJsonIsRefused(Endpoint e) {
        String valid = new String(bytes(e.validBody().get()), StandardCharsets.UTF_8);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("truncated", utf8(valid.substring(0, valid.length() - 1)));
        cases.put("missing value", utf8(valid.replaceFirst(":[^,}]+", ":")));
        cases.put("single quotes", utf8(valid.replace('"', '\'')));
        cases.put("unquoted keys", utf8(valid.replaceAll("\"(\\w+)\":", "$1:")));
        cases.put("trailing garbage", utf8(valid + "}"));
        cases.put("two documents", utf8(valid + valid));
        cases.put("not JSON", utf8("userId=U00000001&password=x"));
        cases.put("empty", new byte[0]);
        cases.put("null", utf8("null"));
        cases.put("a string", utf8("\"hello\""));
        expectRefused(e, cases, "application/json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void valuesOfTheWrongTypeAreRefused(Endpoint e) {
        ObjectNode valid = e.validBody().get();
        Map<String, byte[]> cases = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = valid.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            List<Object> wrong = f.getValue().isTextual() ? List.of(12345, 1.5, true, List.of("x"), Map.of("a", "b"))
                    : f.getValue().isNumber() ? List.of(String.valueOf(f.getValue().asLong()), true, List.of(1),
                            Map.of("a", 1))
                    : List.of("true", 1, List.of(true), Map.of("a", true));
            for (Object w : wrong) {
                ObjectNode body = valid.deepCopy();
                body.set(f.getKey(), JSON.valueToTree(w));
                cases.put(f.getKey() + " = " + body.get(f.getKey()), bytes(body));
            }
        }
        cases.put("array instead of object", bytes(JsonNodeFactory.instance.arrayNode().add(valid)));
        expectRefused(e, cases, "application/json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void unknownFieldsAreRefusedByName(Endpoint e) {
        for (Map.Entry<String, Object> extra : Map.<String, Object>of("unexpected", 1, "companyId", "C99999999",
                "status", "ACTIVE", "mustChangePassword", false, "signingAuthority", true, "id", "U00000001")
                .entrySet()) {
            ObjectNode body = e.validBody().get();
            body.set(extra.getKey(), JSON.valueToTree(extra.getValue()));
            Map<String, byte[]> cases = Map.of("with " + extra.getKey(), bytes(body));
            List<ApiClient.Response> answers = expectRefused(e, cases, "application/json");
            assertThat(answers.get(0).code()).as(e + " with " + extra.getKey()).isEqualTo("UNKNOWN_FIELD");
            assertThat(answers.get(0).json().path("field").asText()).isEqualTo(extra.getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void oversizedBodiesAreRefusedWithAndWithoutContentLength(Endpoint e) throws IOException {
        // Leading whitespace is valid JSON: only the size limit can refuse this body.
        byte[] big = utf8(" ".repeat(MAX_BODY + 1_000)
                + new String(bytes(e.validBody().get()), StandardCharsets.UTF_8));

        List<ApiClient.Response> sized = expectRefused(e, Map.of("Content-Length body", big), "application/json");
        assertThat(sized.get(0).status()).isEqualTo(413);
        assertThat(sized.get(0).code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(sized.get(0).headers().firstValue("connection")).as("the unread body ends the connection")
                .hasValue("close");

        State before = snapshot();
        RawHttps.Answer chunked = raw.send(e.method() + " " + e.path() + " HTTP/1.1\r\nHost: 127.0.0.1"
                + "\r\nContent-Type: application/json" + authorization(e), big);
        assertThat(chunked.status()).as("chunked: " + chunked).isEqualTo(413);
        assertJsonError(chunked.status(), chunked.headers().get("content-type"), chunked.body(), "chunked");
        assertThat(JSON.readTree(chunked.bytes()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertUnchanged(before, "chunked");
    }

    @Test
    void bodiesJustUnderTheLimitAreRead() {
        byte[] body = utf8(" ".repeat(MAX_BODY - 200) + new String(bytes(object("userId", co.member().value(),
                "password", "Wrong-Horse-41")), StandardCharsets.UTF_8));
        ApiClient.Response sized = server.api().post("/api/v1/auth/login", null, body);
        assertThat(sized.code()).as(sized.toString()).isEqualTo("LOGIN_FAILED");

        RawHttps.Answer chunked = raw.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1"
                + "\r\nContent-Type: application/json", body);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(401);
        assertThat(chunked.body()).contains("LOGIN_FAILED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void invalidUtf8IsRefused(Endpoint e) {
        String valid = new String(bytes(e.validBody().get()), StandardCharsets.UTF_8);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        Map<String, byte[]> badSequences = Map.of("broken two-byte sequence", new byte[] {(byte) 0xC3, 0x28},
                "0xFF byte", new byte[] {(byte) 0xFF}, "overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF},
                "encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        badSequences.forEach((what, bad) -> {
            // Inside the first key, which every endpoint has, and inside the first string value if any.
            cases.put(what + " in a key", splice(valid, valid.indexOf('"') + 2, bad));
            int string = valid.indexOf(":\"");
            if (string > 0) {
                cases.put(what + " in a value", splice(valid, string + 3, bad));
            }
        });
        List<ApiClient.Response> answers = expectRefused(e, cases, "application/json");
        assertThat(answers).allSatisfy(r -> assertThat(r.code()).isEqualTo("INVALID_ENCODING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void sqlAndScriptFragmentsAreRefusedWhereTheyDoNotFitTheField(Endpoint e) {
        ObjectNode valid = e.validBody().get();
        Map<String, byte[]> cases = new LinkedHashMap<>();
        for (String field : e.formatted()) {
            for (String fragment : FRAGMENTS) {
                cases.put(field + " = " + JSON.valueToTree(fragment), bytes(valid.deepCopy().put(field, fragment)));
                cases.put(field + " = value + " + JSON.valueToTree(fragment),
                        bytes(valid.deepCopy().put(field, valid.get(field).asText() + fragment)));
            }
        }
        for (String field : e.freeText()) {
            cases.put(field + " with a NUL", bytes(valid.deepCopy().put(field, "試験\u0000一般")));
        }
        expectRefused(e, cases, "application/json");
    }

    @Test
    void textThatLooksLikeSqlOrScriptIsStoredAndReturnedVerbatim() {
        int before = server.api().get("/api/v1/users?limit=500", adminToken).json().get("total").asInt();
        ApiClient.Response created = server.api().post("/api/v1/users", adminToken, Map.of(
                "name", "<script>alert(1)</script>", "nameKana", "スクリプト", "email", "x'--@example.invalid",
                "department", "'; DROP TABLE users; --", "title", "' OR '1'='1", "role", "MEMBER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("user").get("id").asText();

        JsonNode stored = server.api().get("/api/v1/users/" + id, adminToken).json();
        assertThat(stored.get("name").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(stored.get("department").asText()).isEqualTo("'; DROP TABLE users; --");
        assertThat(stored.get("title").asText()).isEqualTo("' OR '1'='1");
        assertThat(stored.get("email").asText()).isEqualTo("x'--@example.invalid");

        ApiClient.Response list = server.api().get("/api/v1/users?limit=500", adminToken);
        assertThat(list.json().get("total").asInt()).as("the table is there, with one more row").isEqualTo(before + 1);
        ApiClient.Response search = server.api().get("/api/v1/users?title="
                + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), adminToken);
        assertThat(search.json().get("items")).as("the filter matched the text, not every row")
                .extracting(u -> u.get("id").asText()).containsExactly(id);
        ApiClient.Response byId = server.api().get("/api/v1/users?id="
                + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), adminToken);
        assertThat(byId.json().get("total").asInt()).isZero();

        long revision = server.api().get("/api/v1/me", member2Token).json().get("revision").asLong();
        ApiClient.Response own = server.api().put("/api/v1/me", member2Token, Map.of("revision", revision,
                "name", "' OR '1'='1", "nameKana", "シケン", "email", "test@example.invalid"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(server.api().get("/api/v1/me", member2Token).json().get("name").asText()).isEqualTo("' OR '1'='1");
        assertThat(server.api().get("/api/v1/me", memberToken).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void duplicateKeysAndUnpairedSurrogatesAreRefused(Endpoint e) {
        String valid = new String(bytes(e.validBody().get()), StandardCharsets.UTF_8);
        String firstMember = valid.substring(1, valid.indexOf(','));
        int firstString = valid.indexOf(":\"") + 2;
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("the first key twice", utf8("{" + firstMember + "," + valid.substring(1)));
        for (String bad : List.of("\\ud800", "\\udc00", "\\udc00\\ud800", "\\ud800x")) {
            cases.put(bad + " in the first string", utf8(valid.substring(0, firstString) + bad
                    + valid.substring(firstString)));
        }
        List<ApiClient.Response> answers = expectRefused(e, cases, "application/json");
        assertThat(answers).allSatisfy(r -> assertThat(r.code()).as(r.toString()).isIn("MALFORMED_JSON", "INVALID_FIELD"));
    }

    @Test
    void aHeaderLineWithoutAColonIsRefusedAtOnce() {
        // Grizzly read such a line as the start of a header name and waited for a colon that never came.
        try (RawHttps.Conversation c = raw.open()) {
            RawHttps.Answer a = c.write("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + memberToken + "\r\nNo colon on this line\r\n\r\n").answer();
            assertThat(a.status()).as(a.toString()).isEqualTo(400);
            assertJsonError(a.status(), a.headers().get("content-type"), a.body(), "header line without a colon");
        }
        assertThat(server.api().get("/api/v1/me", memberToken).status()).as("still serving").isEqualTo(200);
    }

    @Test
    void aContentLengthBeyondTwoGigabytesIsRefusedAsTooLarge() {
        for (String length : List.of("2147483648", "3000000000", "9223372036854775807")) {
            try (RawHttps.Conversation c = raw.open()) {
                RawHttps.Answer a = c.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                        + " application/json\r\nContent-Length: " + length + "\r\n\r\n{\"userId\":").answer();
                assertThat(a.status()).as(length + ": " + a).isEqualTo(413);
                assertJsonError(a.status(), a.headers().get("content-type"), a.body(), "Content-Length " + length);
                assertThat(JSON.readTree(a.bytes()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    @Test
    void malformedUrlsAreRefusedInJson() {
        for (String path : List.of("/api/v1/%", "/api/v1/users/%zz", "/api/v1/users/%", "/api/v1/{id}",
                "/api/v1/users/{x}/x")) {
            RawHttps.Answer a = raw.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + adminToken, null);
            assertThat(a.status()).as(path + ": " + a).isEqualTo(400);
            assertJsonError(a.status(), a.headers().get("content-type"), a.body(), path);
            assertThat(a.body()).as(path).contains("MALFORMED_URL");
        }
    }

    /** Naming the server software and its version only helps someone looking for its known flaws. */
    @Test
    void noAnswerNamesTheServerSoftwareOrItsVersion() {
        String auth = "\r\nAuthorization: Bearer " + memberToken;
        Map<String, RawHttps.Answer> answers = new LinkedHashMap<>();
        answers.put("200", raw.send("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1" + auth, null));
        answers.put("404", raw.send("GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1" + auth, null));
        answers.put("401", raw.send("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1", null));
        answers.put("malformed URL", raw.send("GET /api/v1/% HTTP/1.1\r\nHost: 127.0.0.1" + auth, null));
        answers.put("TRACE", raw.send("TRACE /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1" + auth, null));
        answers.put("HTTP/2.0", raw.send("GET /api/v1/me HTTP/2.0\r\nHost: 127.0.0.1" + auth, null));
        answers.forEach((what, a) -> {
            assertThat(a.closed()).as(what).isFalse();
            assertThat(a.headers()).as(what).doesNotContainKeys("server", "x-powered-by");
            assertThat(a.toString().toLowerCase(java.util.Locale.ROOT)).as(what)
                    .doesNotContain("grizzly", "jersey", "glassfish");
        });
    }

    @Test
    void anOverlongHeaderIsRefusedWithoutAServerError() {
        String head = "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + memberToken;
        RawHttps.Answer control = raw.send(head, null);
        assertThat(control.status()).as("the same request without it: " + control).isEqualTo(200);

        RawHttps.Answer a = raw.send(head + "\r\nX-Filler: " + "a".repeat(MAX_HEADER * 2), null);
        assertHeaderOverflowHandled(a);
    }

    @Test
    void aHugeNumberOfHeadersIsRefusedWithoutAServerError() {
        StringBuilder head = new StringBuilder("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ")
                .append(memberToken);
        for (int i = 0; i < 2_000; i++) {
            head.append("\r\nX-H").append(i).append(": v");
        }
        assertHeaderOverflowHandled(raw.send(head.toString(), null));
    }

    @Test
    void anOverlongRequestLineIsRefusedWithoutAServerError() {
        assertHeaderOverflowHandled(raw.send("GET /api/v1/users?name=" + "a".repeat(MAX_HEADER * 2)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + adminToken, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aBodyThatIsNotJsonIsRefusedAsUnsupportedMediaType(Endpoint e) {
        byte[] body = bytes(e.validBody().get());
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            List<ApiClient.Response> answers = expectRefused(e, Map.of(type, body), type);
            assertThat(answers.get(0).status()).as(e + " as " + type).isEqualTo(415);
            assertThat(answers.get(0).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void unknownPathsAnswer404InJson() {
        for (String path : List.of("/", "/api", "/api/v1/nothing-here", "/api/v2/users",
                "/api/v1/users/" + co.member().value() + "/nothing", "/api/v1/auth/login/extra", "/index.html",
                "/api/v1/..%2f..%2fetc")) {
            for (String token : new String[] {null, adminToken}) {
                ApiClient.Response r = server.api().get(path, token);
                assertThat(r.status()).as(path + " " + r).isEqualTo(404);
                assertJsonError(r.status(), r.headers().firstValue("content-type").orElse(""), r.body(), path);
                assertThat(r.code()).isEqualTo("NOT_FOUND");
            }
        }
    }

    @Test
    void wrongMethodsAnswer405InJson() {
        List<String[]> calls = List.of(new String[] {"GET", "/api/v1/auth/login"},
                new String[] {"DELETE", "/api/v1/auth/login"}, new String[] {"TRACE", "/api/v1/users"},
                new String[] {"PATCH", "/api/v1/me"}, new String[] {"POST", "/api/v1/me"},
                new String[] {"PUT", "/api/v1/auth/logout"}, new String[] {"DELETE", "/api/v1/users"});
        for (String[] call : calls) {
            String method = call[0];
            String path = call[1];
            boolean withBody = List.of("POST", "PUT", "PATCH").contains(method);
            ApiClient.Response r = server.api().raw(method, path, adminToken, withBody ? utf8("{}") : new byte[0],
                    withBody ? Map.of("Content-Type", "application/json") : Map.of());
            assertThat(r.status()).as(method + " " + path + ": " + r).isEqualTo(405);
            assertJsonError(r.status(), r.headers().firstValue("content-type").orElse(""), r.body(), method + path);
            assertThat(r.code()).isEqualTo("METHOD_NOT_ALLOWED");
        }
    }

    /**
     * Sends every case and checks each answer: a clean 4xx JSON error, the server still serving, and no
     * user changed. Collects all problems before failing, so one run shows every broken case.
     */
    private static List<ApiClient.Response> expectRefused(Endpoint e, Map<String, byte[]> cases, String type) {
        SoftAssertions softly = new SoftAssertions();
        List<ApiClient.Response> answers = new ArrayList<>();
        cases.forEach((label, body) -> {
            String what = e + ", " + label;
            State before = snapshot();
            ApiClient.Response r = send(e, body, type);
            answers.add(r);
            softly.assertThat(r.status()).as(what + ": " + r).isBetween(400, 499);
            softly.check(() -> assertJsonError(r.status(), r.headers().firstValue("content-type").orElse(""),
                    r.body(), what));
            softly.check(() -> assertUnchanged(before, what));
        });
        softly.assertAll();
        return answers;
    }

    private static void assertJsonError(int status, String contentType, String body, String what) {
        assertThat(status).as(what + ": " + body).isBetween(400, 499);
        assertThat(contentType).as(what).startsWith("application/json");
        assertClean(body, what);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException ex) {
            throw new AssertionError(what + ": not JSON: " + body, ex);
        }
        assertThat(json.path("code").asText()).as(what + " code").isNotBlank();
        assertThat(json.path("messageJa").asText()).as(what + " messageJa").isNotBlank();
        assertThat(json.path("messageEn").asText()).as(what + " messageEn").isNotBlank();
    }

    private static void assertHeaderOverflowHandled(RawHttps.Answer a) {
        if (!a.closed()) {
            assertThat(a.status()).as(a.toString()).isBetween(400, 499);
            assertClean(a.body(), "header overflow");
        }
        assertThat(server.api().get("/api/v1/me", memberToken).status()).as("still serving").isEqualTo(200);
    }

    private static void assertClean(String body, String what) {
        assertThat(body).as(what + ": internals in the answer").doesNotContainPattern(INTERNALS);
    }

    private static void assertUnchanged(State before, String what) {
        State after = snapshot();
        assertThat(after.meStatus()).as(what + ": the server still serves GET /me").isEqualTo(200);
        assertThat(after.users()).as(what + ": stored users").isEqualTo(before.users());
        assertThat(after.me()).as(what + ": own account").isEqualTo(before.me());
    }

    /** Every user of the company as an admin sees them (with revisions), and the member's own view. */
    private record State(JsonNode users, int meStatus, JsonNode me) {
    }

    private static State snapshot() {
        ApiClient.Response users = server.api().get("/api/v1/users?limit=500", adminToken);
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        ApiClient.Response me = server.api().get("/api/v1/me", memberToken);
        return new State(users.json().get("items"), me.status(), me.status() == 200 ? me.json() : null);
    }

    private static ApiClient.Response send(Endpoint e, byte[] body, String type) {
        return server.api().raw(e.method(), e.path(), token(e.who()), body, Map.of("Content-Type", type));
    }

    private static String token(Who who) {
        return switch (who) {
            case NOBODY -> null;
            case ADMIN -> adminToken;
            case MEMBER -> memberToken;
        };
    }

    private static String authorization(Endpoint e) {
        String token = token(e.who());
        return token == null ? "" : "\r\nAuthorization: Bearer " + token;
    }

    private static long revision(UserId id) {
        return server.api().get("/api/v1/users/" + id.value(), adminToken).json().get("revision").asLong();
    }

    private static ObjectNode object(Object... keyValues) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            n.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return n;
    }

    private static byte[] splice(String json, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = utf8(json.substring(0, at));
        byte[] tail = utf8(json.substring(at));
        out.writeBytes(head);
        out.writeBytes(inserted);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
