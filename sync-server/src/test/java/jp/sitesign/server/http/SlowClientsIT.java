package jp.sitesign.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request's head and then stall its body must not hold the server's worker threads:
 * everyone else is served meanwhile, and a body that stops arriving is answered 408.
 */
class SlowClientsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = "{\"userId\":\"U00000001\",\"password\":\"Wrong-Horse-41\"}";
    private static final int WORKERS = 2;

    @Test
    void plainRequestsAreServedWhileMoreClientsThanWorkersStallTheirBodies() {
        // The body timeout is far away, so every stalled request is still waiting when the plain one is served.
        try (TestServer server = TestServer.start(Map.of("http.worker-threads", String.valueOf(WORKERS),
                "limits.body-read-timeout-seconds", "3600"))) {
            TestServer.TestCompany co = server.createCompany("遅延通信株式会社");
            String token = server.api().login(co.member().value(), TestServer.PASSWORD);
            RawHttps raw = new RawHttps(server.port(), server.server().tls().certificate());
            List<RawHttps.Conversation> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < WORKERS * 3; i++) {
                    // "100 Continue" comes from the handler that runs the request: once read, the request is in.
                    stalled.add(raw.open().write(loginHead(LOGIN.length()) + "Expect: 100-continue\r\n\r\n")
                            .awaitContinue().write(LOGIN.substring(0, 10)));
                }

                ApiClient.Response me = server.api().get("/api/v1/me", token);

                assertThat(me.status()).as(me.toString()).isEqualTo(200);
                assertThat(stalled).as("the stalled requests were not cut short to serve it")
                        .allSatisfy(c -> assertThat(c.silentSoFar()).isTrue());
                RawHttps.Answer late = stalled.get(0).write(LOGIN.substring(10)).answer();
                assertThat(late.status()).as("a stalled body that finally arrives is served: " + late).isEqualTo(401);
                assertThat(late.body()).contains("LOGIN_FAILED");
            } finally {
                stalled.forEach(RawHttps.Conversation::close);
            }
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408() throws IOException {
        try (TestServer server = TestServer.start(Map.of("limits.body-read-timeout-seconds", "1"))) {
            TestServer.TestCompany co = server.createCompany("途絶株式会社");
            String token = server.api().login(co.member().value(), TestServer.PASSWORD);
            RawHttps raw = new RawHttps(server.port(), server.server().tls().certificate());
            Map<String, String> requests = Map.of(
                    "no body at all", loginHead(LOGIN.length()) + "\r\n",
                    "half a body", loginHead(LOGIN.length()) + "\r\n" + LOGIN.substring(0, 20),
                    "half a chunk", "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + Integer.toHexString(LOGIN.length()) + "\r\n" + LOGIN.substring(0, 20));
            for (Map.Entry<String, String> r : requests.entrySet()) {
                try (RawHttps.Conversation c = raw.open()) {
                    RawHttps.Answer a = c.write(r.getValue()).answer();
                    assertThat(a.status()).as(r.getKey() + ": " + a).isEqualTo(408);
                    assertThat(a.headers().get("content-type")).as(r.getKey()).startsWith("application/json");
                    assertThat(JSON.readTree(a.bytes()).get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
                    assertThat(JSON.readTree(a.bytes()).get("messageJa").asText()).isNotBlank();
                }
            }
            assertThat(server.api().get("/api/v1/me", token).status()).as("still serving").isEqualTo(200);
        }
    }

    private static String loginHead(int length) {
        return "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\nConnection: close\r\n";
    }
}
