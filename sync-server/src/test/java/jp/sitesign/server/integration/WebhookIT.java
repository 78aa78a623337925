package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: workflow steps write deliveries in their own transaction, the delivery job POSTs them to a
 * loopback HTTPS receiver whose signature check passes, a receiver that is down gets retries with backoff for 24
 * hours, and the admin reads the delivery log.
 */
class WebhookIT {
    static WebhookReceiver receiver;
    static Path anchors;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String bAdmin;

    @BeforeAll
    static void start() throws IOException {
        receiver = new WebhookReceiver();
        anchors = Files.createTempDirectory("webhook-anchors");
        // The test runs the delivery job itself (Webhooks.deliverDue) when it wants to.
        server = TestServer.start(Map.of("webhooks.trust-anchors", receiver.certificateFile(anchors).toString(),
                "jobs.webhook-seconds", "100000"));
        a = server.createCompany("フック試験建設株式会社");
        b = server.createCompany("フック協力工業株式会社");
        aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = server.api().login(b.admin().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, "フック試験建設株式会社", a.member2());
        String method = "SiteSign による電子契約";
        JsonNode p = server.api().post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", method)).json();
        server.api().post("/api/v1/partnerships/" + p.get("id").asLong() + "/consent", bAdmin,
                Map.of("methodSha256", Digests.sha256Hex(method.getBytes(StandardCharsets.UTF_8))));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        receiver.close();
        Files.deleteIfExists(anchors.resolve("receiver.pem"));
        Files.deleteIfExists(anchors);
    }

    static ApiClient api() {
        return server.api();
    }

    @Test
    void stepsAreDeliveredSigned_afterARestart_onlyToTheCompaniesTheContractReached() {
        String aApp = ApiApps.approved(server, aAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        String aSecret = register(aAdmin, aApp, receiver.url(), "contract.approved", "contract.withdrawn");
        String bApp = ApiApps.approved(server, bAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        register(bAdmin, bApp, receiver.url(), "contract.approved", "contract.withdrawn", "contract.sent");
        int before = receiver.received().size();

        JsonNode k = inApproval();
        String id = k.get("id").asText();
        k = ok(api().post("/api/v1/contracts/" + id + "/approve", aAdmin, Map.of("revision", k.get("revision").asLong())));
        ok(api().post("/api/v1/contracts/" + id + "/withdraw", aMember, Map.of("revision", k.get("revision").asLong())));
        assertThat(receiver.received()).as("nothing is sent on the request thread").hasSize(before);

        server.restart();
        assertThat(server.context().webhooks().deliverDue()).isEqualTo(2);
        List<WebhookReceiver.Received> got = receiver.received().subList(before, receiver.received().size());
        assertThat(got).extracting(WebhookReceiver.Received::event)
                .as("B was never reached, so B's application hears nothing")
                .containsExactlyInAnyOrder("contract.approved", "contract.withdrawn");
        for (WebhookReceiver.Received r : got) {
            assertThat(WebhookReceiver.signatureHolds(aSecret, r)).as(r.toString()).isTrue();
            JsonNode body = json(r.body());
            assertThat(body.get("contractId").asText()).isEqualTo(id);
            assertThat(body.get("event").asText()).isEqualTo(r.event());
            assertThat(Long.parseLong(r.timestamp())).isCloseTo(server.clock().instant().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(5L));
        }
        WebhookReceiver.Received tampered = new WebhookReceiver.Received(got.get(0).event(), got.get(0).timestamp(),
                got.get(0).signature(), got.get(0).body().replace(id, "00000000-0000-0000-0000-000000000000"));
        assertThat(WebhookReceiver.signatureHolds(aSecret, tampered)).isFalse();
        WebhookReceiver.Received otherSecret = got.get(0);
        assertThat(WebhookReceiver.signatureHolds(aSecret + "x", otherSecret)).isFalse();

        JsonNode log = ok(api().get("/api/v1/integration/applications/" + aApp + "/webhook/deliveries", aAdmin));
        assertThat(log.get("items")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.get("lastStatusCode").asInt()).isEqualTo(204);
        });
        assertThat(server.context().webhooks().deliverDue()).as("delivered once").isZero();
        assertThat(api().get("/api/v1/integration/applications/" + aApp + "/webhook/deliveries", bAdmin).status())
                .as("another company's log").isEqualTo(404);
    }

    @Test
    void aReceiverThatIsDownGetsRetriesWithBackoffFor24Hours_thenTheDeliveryFails() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String app = ApiApps.approved(server, aAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        register(aAdmin, app, "https://127.0.0.1:" + closedPort + "/hook", "contract.approved");
        JsonNode k = inApproval();
        long started = System.nanoTime();
        ok(api().post("/api/v1/contracts/" + k.get("id").asText() + "/approve", aAdmin,
                Map.of("revision", k.get("revision").asLong())));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the workflow does not wait for the receiver")
                .isLessThan(Duration.ofSeconds(5));

        server.context().webhooks().deliverDue();
        Map<String, String> first = latest(app);
        assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", "1");
        assertThat(first.get("lastError")).isNotBlank().isNotEqualTo("null");
        server.context().webhooks().deliverDue();
        assertThat(latest(app).get("attempts")).as("not due again before the backoff").isEqualTo("1");
        server.clock().advance(Duration.ofSeconds(30));
        server.context().webhooks().deliverDue();
        assertThat(latest(app).get("attempts")).isEqualTo("2");
        server.clock().advance(Duration.ofSeconds(30));
        server.context().webhooks().deliverDue();
        assertThat(latest(app).get("attempts")).as("60 s after the second failure").isEqualTo("2");
        int attempts = 2;
        for (int hour = 0; hour < 25 && "PENDING".equals(latest(app).get("status")); hour++) {
            server.clock().advance(Duration.ofHours(1));
            server.context().webhooks().deliverDue();
            attempts++;
        }
        // Sessions expired while the clock moved: log in again (later tests use these too).
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
        JsonNode last = ok(api().get("/api/v1/integration/applications/" + app + "/webhook/deliveries", aAdmin))
                .get("items").get(0);
        assertThat(last.get("status").asText()).isEqualTo("FAILED");
        assertThat(last.get("attempts").asInt()).isEqualTo(attempts).isBetween(20, 30);
        assertThat(last.get("lastError").asText()).isNotBlank();
    }

    @Test
    void onlyHttpsUrlsAndKnownEventsAreRegistered() {
        String app = ApiApps.approved(server, aAdmin, List.of("contracts:read"), List.of("127.0.0.1"));
        String path = "/api/v1/integration/applications/" + app + "/webhook";
        assertThat(api().put(path, aAdmin, Map.of("url", "http://127.0.0.1/hook", "events", List.of("contract.sent")))
                .status()).isEqualTo(400);
        ApiClient.Response unknown = api().put(path, aAdmin, Map.of("url", receiver.url(),
                "events", List.of("contract.teleported")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("messageJa").asText()).contains("contract.teleported");
        assertThat(api().put(path, aMember, Map.of("url", receiver.url(), "events", List.of("contract.sent")))
                .status()).as("owners and admins only").isEqualTo(403);
    }

    private static String register(String adminToken, String app, String url, String... events) {
        ApiClient.Response r = api().put("/api/v1/integration/applications/" + app + "/webhook", adminToken,
                Map.of("url", url, "events", List.of(events)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("secret").asText()).startsWith("whsec_");
        return r.json().get("secret").asText();
    }

    /** A's contract to B, submitted: in A's approval, its admin the approver. */
    private static JsonNode inApproval() {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "Webhook 試験 注文書");
        d.put("transactionDate", "2026-12-01");
        d.put("amountYen", 1_100_000L);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of(a.admin().value()));
        d.put("signer", a.member2().value());
        JsonNode k = ok(api().post("/api/v1/contracts", aMember, d));
        k = ok(api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), aMember, IntegrationApiIT.pdf(), Map.of("Content-Type", "application/pdf")));
        k = ok(api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", aMember,
                Map.of("revision", k.get("revision").asLong())));
        assertThat(k.get("status").asText()).isEqualTo("IN_APPROVAL");
        return k;
    }

    /** The application's newest delivery, read from the table: the test moves the clock past any session. */
    private static Map<String, String> latest(String app) {
        return server.context().db().read(c -> {
            try (var ps = c.prepareStatement("SELECT status, attempts, last_error FROM api_webhook_deliveries"
                    + " WHERE application_id = ? ORDER BY id DESC")) {
                ps.setString(1, app);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return Map.of("status", rs.getString(1), "attempts", rs.getString(2),
                            "lastError", String.valueOf(rs.getString(3)));
                }
            }
        });
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
