package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.http.RawHttps;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.AuditTrail;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The integration API over real HTTPS (issue 13): applications reviewed by the operator's CLI, keys taken once
 * and rotated, scopes, the company boundary, client-address allow-lists, and keys kept out of logs.
 */
class IntegrationApiIT {
    static final String A_NAME = "連携試験建設株式会社";
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String bAdmin;
    /** A's contract with its PDF, and B's (not sent to A). */
    static JsonNode aContract;
    static JsonNode bContract;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany(A_NAME);
        b = server.createCompany("連携別会社工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, A_NAME, a.member2());
        TestCertificates.grant(server, bAdmin, "連携別会社工業株式会社", b.member2());
        aContract = TestContracts.draftWithMain(api(), aAdmin, a, b, "注文書 兼 請書", pdf());
        bContract = TestContracts.draftWithMain(api(), bAdmin, b, a, "注文書 兼 請書", pdf());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ApiClient api() {
        return server.api();
    }

    @Test
    void theOperatorApprovesThroughTheCli_theKeyWorksOnlyThen_rotates_andStopsAtSuspensionAndRevocation() {
        ApiClient.Response applied = ApiApps.apply(api(), aAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.json().get("id").asText();
        assertThat(id).matches("A\\d{8}");
        assertThat(applied.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(applied.json().get("allowedAddresses")).extracting(JsonNode::asText).containsExactly("127.0.0.1");
        ApiClient.Response early = api().post("/api/v1/integration/applications/" + id + "/key", aAdmin, Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("API_APPLICATION_NOT_APPROVED");

        OperatorCli.Result listed = OperatorCli.run(server, "api-app", "list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains(id + "\tPENDING\t" + a.id().value()).contains("基幹システム連携");
        OperatorCli.Result approve = OperatorCli.run(server, "api-app", "approve", "--id", id);
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(api().get("/api/v1/integration/applications/" + id, aAdmin).json().get("status").asText())
                .as("the admin sees the review").isEqualTo("APPROVED");

        String first = ApiApps.key(api(), aAdmin, id);
        assertThat(first).startsWith("ssk_");
        assertThat(api().get("/api/v1/contracts", first).status()).isEqualTo(200);
        String second = ApiApps.key(api(), aAdmin, id);
        assertThat(api().get("/api/v1/contracts", first).code()).as("rotated away").isEqualTo("API_KEY_INVALID");
        assertThat(api().get("/api/v1/contracts", first).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/contracts", second).status()).isEqualTo(200);

        OperatorCli.Result suspend = OperatorCli.run(server, "api-app", "suspend", "--id", id, "--reason", "調査のため");
        assertThat(suspend.exitCode()).as(suspend.toString()).isZero();
        ApiClient.Response suspended = api().get("/api/v1/contracts", second);
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.code()).isEqualTo("API_APPLICATION_INACTIVE");
        assertThat(api().post("/api/v1/integration/applications/" + id + "/key", aAdmin, Map.of()).status())
                .as("no new key while suspended").isEqualTo(409);
        assertThat(OperatorCli.run(server, "api-app", "approve", "--id", id).exitCode()).isZero();
        assertThat(api().get("/api/v1/contracts", second).status()).as("approved again").isEqualTo(200);

        OperatorCli.Result revoke = OperatorCli.run(server, "api-app", "revoke", "--id", id, "--reason", "契約終了");
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        assertThat(api().get("/api/v1/contracts", second).code()).isEqualTo("API_APPLICATION_INACTIVE");
        OperatorCli.Result again = OperatorCli.run(server, "api-app", "approve", "--id", id);
        assertThat(again.exitCode()).as("revoked is final").isEqualTo(1);
        assertThat(again.err()).contains("Revoked".toLowerCase());
        JsonNode seen = api().get("/api/v1/integration/applications/" + id, aAdmin).json();
        assertThat(seen.get("status").asText()).isEqualTo("REVOKED");
        assertThat(seen.get("statusReason").asText()).isEqualTo("契約終了");
        assertThat(AuditTrail.events(api(), aAdmin, "API_APPLICATION_REVIEWED", id)).hasSize(4);
        assertThat(AuditTrail.events(api(), aAdmin, "API_KEY_ISSUED", id)).hasSize(2);
    }

    @Test
    void onlyOwnersAndAdminsApply_andBadApplicationsAreFieldErrors() {
        ApiClient.Response member = ApiApps.apply(api(), aMember, List.of("contracts:read"), List.of("127.0.0.1"));
        assertThat(member.status()).isEqualTo(403);
        ApiClient.Response scope = ApiApps.apply(api(), aAdmin, List.of("contracts:everything"), List.of("127.0.0.1"));
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.json().get("messageJa").asText()).contains("contracts:everything");
        ApiClient.Response address = ApiApps.apply(api(), aAdmin, List.of("contracts:read"), List.of("10.0.0.300/8"));
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.json().get("messageEn").asText()).contains("10.0.0.300/8");
        assertThat(ApiApps.apply(api(), aAdmin, List.of("contracts:read"), List.of()).status()).isEqualTo(400);
        ApiClient.Response normalized = ApiApps.apply(api(), aAdmin, List.of("users:read"),
                List.of("192.0.2.77/24", "2001:DB8:0:0::1/32"));
        assertThat(normalized.json().get("allowedAddresses")).extracting(JsonNode::asText)
                .containsExactly("192.0.2.0/24", "2001:db8::/32");
        OperatorCli.Result noReason = OperatorCli.run(server, "api-app", "reject", "--id",
                normalized.json().get("id").asText());
        assertThat(noReason.exitCode()).as("a rejection needs the reason the admin will read").isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
    }

    @Test
    void aKeyIsRefusedWhereOnlyPeopleWork() {
        String key = ApiApps.keyFor(server, aAdmin, "contracts:read", "contracts:write", "documents:read", "export",
                "users:read");
        for (String path : List.of("/api/v1/me", "/api/v1/audit", "/api/v1/integration/applications",
                "/api/v1/certificates", "/api/v1/sync/changes?since=0")) {
            ApiClient.Response r = api().get(path, key);
            assertThat(r.status()).as(path + " " + r).isEqualTo(403);
            assertThat(r.code()).as(path).isEqualTo("API_KEY_NOT_ACCEPTED");
        }
        ApiClient.Response approve = api().post("/api/v1/contracts/" + aContract.get("id").asText() + "/approve", key,
                Map.of("revision", aContract.get("revision").asLong()));
        assertThat(approve.code()).as("approving is people's work").isEqualTo("API_KEY_NOT_ACCEPTED");
        assertThat(api().post("/api/v1/auth/logout", key, Map.of()).code()).isEqualTo("API_KEY_NOT_ACCEPTED");
    }

    @Test
    void eachScopeOpensItsEndpoints_andNothingElse() {
        String id = aContract.get("id").asText();
        Map<String, Integer> withReadOnly = statuses(ApiApps.keyFor(server, aAdmin, "contracts:read"));
        assertThat(withReadOnly).containsEntry("search", 200).containsEntry("get", 200)
                .containsEntry("document", 403).containsEntry("export", 403).containsEntry("users", 403)
                .containsEntry("create", 403).containsEntry("partnerships", 200);
        Map<String, Integer> withDocuments = statuses(ApiApps.keyFor(server, aAdmin, "contracts:read",
                "documents:read"));
        assertThat(withDocuments).containsEntry("document", 200).containsEntry("export", 403)
                .containsEntry("create", 403);
        assertThat(statuses(ApiApps.keyFor(server, aAdmin, "export"))).as("an export shows what a search shows")
                .containsEntry("export", 403).containsEntry("search", 403).containsEntry("get", 403);
        Map<String, Integer> withExport = statuses(ApiApps.keyFor(server, aAdmin, "contracts:read", "export"));
        assertThat(withExport).containsEntry("export", 200).containsEntry("exportZip", 403)
                .containsEntry("document", 403);
        assertThat(statuses(ApiApps.keyFor(server, aAdmin, "contracts:read", "export", "documents:read")))
                .containsEntry("exportZip", 200);
        Map<String, Integer> withUsers = statuses(ApiApps.keyFor(server, aAdmin, "users:read"));
        assertThat(withUsers).containsEntry("users", 200).containsEntry("search", 403);
        String writer = ApiApps.keyFor(server, aAdmin, "contracts:read", "contracts:write");
        Map<String, Integer> withWrite = statuses(writer);
        assertThat(withWrite).containsEntry("create", 201).containsEntry("document", 403);

        ApiClient.Response refused = api().get("/api/v1/contracts/" + id + "/document",
                ApiApps.keyFor(server, aAdmin, "contracts:read"));
        assertThat(refused.code()).isEqualTo("API_SCOPE_MISSING");
        assertThat(refused.json().get("messageJa").asText()).contains("スコープ");
    }

    /** One call per endpoint of the matrix, as the key's application. */
    private static Map<String, Integer> statuses(String key) {
        String id = aContract.get("id").asText();
        Map<String, Integer> s = new java.util.LinkedHashMap<>();
        s.put("search", api().get("/api/v1/contracts", key).status());
        s.put("get", api().get("/api/v1/contracts/" + id, key).status());
        s.put("document", api().get("/api/v1/contracts/" + id + "/document", key).status());
        s.put("export", api().get("/api/v1/contracts/export?format=csv", key).status());
        s.put("exportZip", api().get("/api/v1/contracts/export?format=zip", key).status());
        s.put("users", api().get("/api/v1/users", key).status());
        s.put("partnerships", api().get("/api/v1/partnerships", key).status());
        s.put("create", api().post("/api/v1/contracts", key, draft("API から作成した注文書")).status());
        return s;
    }

    /** A's draft to B's member, signed by A's member2 (who holds signing authority). */
    private static Map<String, Object> draft(String title) {
        Map<String, Object> draft = new java.util.HashMap<>();
        draft.put("form", "BILATERAL");
        draft.put("title", title);
        draft.put("transactionDate", "2026-12-01");
        draft.put("amountYen", 1_100_000L);
        draft.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        draft.put("route", List.of());
        draft.put("signer", a.member2().value());
        return draft;
    }

    @Test
    void aDraftCreatedWithAKeyIsAuditedAsTheApplication() {
        String app = ApiApps.approved(server, aAdmin, List.of("contracts:read", "contracts:write"),
                List.of("127.0.0.1/32"));
        String key = ApiApps.key(api(), aAdmin, app);
        ApiClient.Response created = api().post("/api/v1/contracts", key, draft("受注データ 2026-0001"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String contract = created.json().get("id").asText();
        List<JsonNode> events = AuditTrail.events(api(), aAdmin, "CONTRACT_CREATED", contract);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("actor").asText()).isEqualTo(app);
        assertThat(events.get(0).get("clientIp").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void aKeyOfCompanyAReachesNothingOfCompanyB_onAnyEndpointOrVerb() {
        String key = ApiApps.keyFor(server, aAdmin, "contracts:read", "contracts:write", "documents:read", "export",
                "users:read");
        String theirs = "/api/v1/contracts/" + bContract.get("id").asText();
        long rev = bContract.get("revision").asLong();
        String sha = bContract.get("mainDocument").asText();
        List<ApiClient.Response> answers = new ArrayList<>();
        answers.add(api().get(theirs, key));
        Map<String, Object> edit = draft("書き換え");
        edit.put("revision", rev);
        answers.add(api().put(theirs, key, edit));
        answers.add(api().delete(theirs + "?revision=" + rev, key));
        answers.add(api().get(theirs + "/document", key));
        answers.add(api().raw("PUT", theirs + "/document?revision=" + rev, key, pdf(),
                Map.of("Content-Type", "application/pdf")));
        answers.add(api().raw("POST", theirs + "/attachments?revision=" + rev + "&name=x", key, pdf(),
                Map.of("Content-Type", "application/pdf")));
        answers.add(api().get(theirs + "/attachments/" + sha, key));
        answers.add(api().delete(theirs + "/attachments/" + sha + "?revision=" + rev, key));
        answers.add(api().post(theirs + "/submit", key, Map.of("revision", rev)));
        for (ApiClient.Response r : answers) {
            assertThat(r.status()).as(r.toString()).isIn(403, 404);
        }
        assertThat(api().get("/api/v1/users?id=" + b.admin().value(), key).json().get("items")).as("B's users")
                .isEmpty();
        assertThat(api().get(theirs, bAdmin).json().get("revision").asLong()).as("B's contract untouched")
                .isEqualTo(rev);
        String bApp = ApiApps.approved(server, bAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        assertThat(api().get("/api/v1/integration/applications/" + bApp, aAdmin).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/integration/applications/" + bApp + "/key", aAdmin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aKeyLimitedTo127001IsRefusedFrom127002() {
        String key = ApiApps.keyFor(server, aAdmin, "contracts:read");
        RawHttps.Answer here = from("127.0.0.1", "/api/v1/contracts", key, null);
        assertThat(here.status()).as(here.toString()).isEqualTo(200);
        RawHttps.Answer there = from("127.0.0.2", "/api/v1/contracts", key, null);
        assertThat(there.status()).as(there.toString()).isEqualTo(403);
        assertThat(there.body()).contains("API_ADDRESS_NOT_ALLOWED");
        RawHttps.Answer claimed = from("127.0.0.2", "/api/v1/contracts", key, "127.0.0.1");
        assertThat(claimed.status()).as("X-Forwarded-For counts only from a trusted proxy").isEqualTo(403);
        List<JsonNode> refused = new ArrayList<>();
        api().get("/api/v1/audit?action=API_CALL_REFUSED&limit=500", aAdmin).json().get("items").forEach(refused::add);
        assertThat(refused).anySatisfy(e -> assertThat(e.get("clientIp").asText()).isEqualTo("127.0.0.2"));
    }

    @Test
    void keysNeverReachTheLogOrTheAuditLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        String key;
        try {
            key = ApiApps.keyFor(server, aAdmin, "contracts:read");
            api().get("/api/v1/contracts", key);
            api().get("/api/v1/me", key);
            api().get("/api/v1/contracts", key.substring(0, key.length() - 1) + "A");
            from("127.0.0.2", "/api/v1/contracts", key, null);
        } finally {
            root.detachAppender(logged);
        }
        String secretPart = key.substring(4);
        assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(secretPart));
        String everyAuditRow = server.context().db().read(c -> {
            StringBuilder all = new StringBuilder();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM audit_events")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        all.append(rs.getString(i)).append('|');
                    }
                }
            }
            return all.toString();
        });
        assertThat(everyAuditRow).contains("API_KEY_ISSUED").doesNotContain(secretPart)
                .doesNotContain(Digests.sha256Hex(key.getBytes(StandardCharsets.US_ASCII)));
        String stored = server.context().db().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM api_applications")) {
                StringBuilder all = new StringBuilder();
                while (rs.next()) {
                    all.append(rs.getString("key_hash")).append('|');
                }
                return all.toString();
            }
        });
        assertThat(stored).as("only the hash is stored").doesNotContain(secretPart)
                .contains(Digests.sha256Hex(key.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A GET from the given loopback address, optionally with an X-Forwarded-For header. */
    static RawHttps.Answer from(String local, String path, String key, String forwardedFor) {
        try {
            RawHttps raw = new RawHttps(server.port(), server.server().tls().certificate(), InetAddress.getByName(local));
            return raw.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + (forwardedFor == null ? "" : "\r\nX-Forwarded-For: " + forwardedFor), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
