package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.server.http.RawHttps;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server behind a reverse proxy on 127.0.0.1 ({@code http.trusted-proxies}): allow-lists judge the address the
 * proxy forwards, IPv6 included; and a small rate limit per application ({@code api.rate-per-minute}).
 */
class ProxiedIntegrationIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static String aAdmin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("http.trusted-proxies", "127.0.0.1/32", "api.rate-per-minute", "5",
                "login.address-max-failures", "5"));
        a = server.createCompany("プロキシ試験建設株式会社");
        aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theAllowListJudgesTheAddressTheTrustedProxyForwards_ipv6Included() {
        String key = key(List.of("2001:db8::/32", "::1/128"));
        assertThat(from("127.0.0.1", key, "2001:db8::7").status()).isEqualTo(200);
        assertThat(from("127.0.0.1", key, "::1").status()).isEqualTo(200);
        RawHttps.Answer other = from("127.0.0.1", key, "::2");
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(other.body()).contains("API_ADDRESS_NOT_ALLOWED");
        assertThat(from("127.0.0.1", key, "192.0.2.9").status()).isEqualTo(403);
        assertThat(from("127.0.0.1", key, null).status()).as("the proxy itself is not allowed").isEqualTo(403);
        assertThat(from("127.0.0.2", key, "2001:db8::7").status()).as("127.0.0.2 is no trusted proxy")
                .isEqualTo(403);
    }

    @Test
    void theAuditLogRecordsTheForwardedClient() {
        String body = "{\"userId\":\"" + a.member().value() + "\",\"password\":\"" + TestServer.PASSWORD + "\"}";
        RawHttps.Answer login = raw("127.0.0.1").send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nX-Forwarded-For: 203.0.113.50",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        List<JsonNode> logins = new ArrayList<>();
        server.api().get("/api/v1/audit?action=LOGIN&limit=500", aAdmin).json().get("items").forEach(logins::add);
        assertThat(logins).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo(a.member().value());
            assertThat(e.get("clientIp").asText()).isEqualTo("203.0.113.50");
        });
    }

    @Test
    void anApplicationOverItsRateGets429WithRetryAfter_untilTheBucketRefills() {
        String key = key(List.of("127.0.0.1/32"));
        String other = key(List.of("127.0.0.1/32"));
        for (int i = 0; i < 5; i++) {
            assertThat(server.api().get("/api/v1/contracts", key).status()).as("call " + (i + 1)).isEqualTo(200);
        }
        ApiClient.Response limited = server.api().get("/api/v1/contracts", key);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("API_RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("5 a minute: one back every 12 s").isEqualTo(12);
        assertThat(server.api().get("/api/v1/contracts", other).status()).as("another application's bucket")
                .isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(retryAfter));
        assertThat(server.api().get("/api/v1/contracts", key).status()).isEqualTo(200);
        assertThat(server.api().get("/api/v1/contracts", key).status()).isEqualTo(429);
    }

    @Test
    void anAddressGuessingKeysIsPausedLikeOneGuessingPasswords() {
        String guess = "ssk_" + "A".repeat(43);
        for (int i = 0; i < 5; i++) {
            RawHttps.Answer wrong = from("127.0.0.1", guess, "198.51.100.1");
            assertThat(wrong.status()).as("guess " + (i + 1)).isEqualTo(401);
            assertThat(wrong.body()).contains("API_KEY_INVALID");
        }
        RawHttps.Answer paused = from("127.0.0.1", guess, "198.51.100.1");
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.headers()).containsKey("retry-after");
        assertThat(from("127.0.0.1", guess, "198.51.100.2").status()).as("another address").isEqualTo(401);
    }

    private static String key(List<String> addresses) {
        return ApiApps.key(server.api(), aAdmin, ApiApps.approved(server, aAdmin, List.of("contracts:read"),
                addresses));
    }

    private static RawHttps raw(String local) {
        try {
            return new RawHttps(server.port(), server.server().tls().certificate(), InetAddress.getByName(local));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttps.Answer from(String local, String key, String forwardedFor) {
        return raw(local).send("GET /api/v1/contracts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + (forwardedFor == null ? "" : "\r\nX-Forwarded-For: " + forwardedFor), null);
    }
}
