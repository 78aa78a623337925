package jp.sitesign.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.sitesign.server.http.RawHttps;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: the figures issue 12 names, in Prometheus' format, and only for {@code metrics.allow}. */
class MetricsIT {

    @Test
    void requestsLoginsTheFeedThePoolAndJobRunsAreCounted() throws InterruptedException {
        // The deadline job every second, so its runs show without a test driving it.
        try (TestServer server = TestServer.start(Map.of("jobs.expiry-seconds", "1"))) {
            TestServer.TestCompany co = server.createCompany("計測建設株式会社");
            assertThat(server.api().post("/api/v1/auth/login", null, Map.of("userId", co.member().value(),
                    "password", "Not-The-Password-1")).status()).isEqualTo(401);
            String token = server.api().login(co.owner().value(), TestServer.PASSWORD);
            assertThat(server.api().get("/api/v1/me", token).status()).isEqualTo(200);
            assertThat(server.api().get("/api/v1/sync/changes?since=0", token).status()).isEqualTo(200);
            assertThat(server.api().get("/api/v1/sync/changes?since=0", token).status()).isEqualTo(200);

            String text = scrapeOnceTheJobRan(server);

            assertThat(text).contains(
                    "sitesign_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/me\",status=\"200\"} 1",
                    "sitesign_logins_total{outcome=\"success\"} 1",
                    "sitesign_logins_total{outcome=\"failure\"} 1",
                    "hikaricp_connections_active{pool=\"sitesign\"}",
                    "sitesign_sync_feed_head ",
                    "sitesign_jobs_runs_seconds_count{job=\"deadline\",outcome=\"success\"}",
                    "jvm_memory_used_bytes");
            assertThat(text).containsPattern("sitesign_sync_changes_delivered_total [1-9]");
            assertThat(text).as("two pages with changes, each with its lag")
                    .containsPattern("(?m)^sitesign_sync_feed_lag_seconds_count 2(\\.0)?$")
                    .containsPattern("sitesign_sync_feed_lag_seconds\\{quantile=\"0\\.99\"}");
            assertThat(text).as("no user ids or query strings in the labels").doesNotContain(co.owner().value(),
                    "since=");
        }
    }

    @Test
    void anAddressOutsideMetricsAllowIsRefused() {
        try (TestServer server = TestServer.start()) {
            RawHttps https = new RawHttps(server.port(), server.server().tls().certificate());

            RawHttps.Answer local = https.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1", null);
            RawHttps.Answer other = https.from("127.0.0.2").send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1", null);

            assertThat(local.status()).isEqualTo(200);
            assertThat(other.status()).isEqualTo(403);
            String body = new String(other.bytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"code\":\"FORBIDDEN\"", "metrics.allow").doesNotContain("sitesign_");
        }
    }

    @Test
    void metricsAllowWidensToTheNamedRange() {
        try (TestServer server = TestServer.start(Map.of("metrics.allow", "127.0.0.0/24"))) {
            RawHttps.Answer other = new RawHttps(server.port(), server.server().tls().certificate()).from("127.0.0.2")
                    .send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1", null);

            assertThat(other.status()).isEqualTo(200);
        }
    }

    private static String scrapeOnceTheJobRan(TestServer server) throws InterruptedException {
        while (true) {
            ApiClient.Response r = server.api().get("/metrics", null);
            assertThat(r.status()).isEqualTo(200);
            if (r.body().contains("job=\"deadline\"")) {
                return r.body();
            }
            Thread.sleep(200);
        }
    }
}
