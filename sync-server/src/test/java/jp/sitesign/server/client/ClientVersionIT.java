package jp.sitesign.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's version check: the server answers its configured versions without a session. */
class ClientVersionIT {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void theConfiguredVersionsAreAnsweredWithoutASession() {
        try (TestServer server = TestServer.start(Map.of("client.min-version", "0.2.0", "client.latest-version",
                "0.3.1", "client.download-url", "https://sitesign.example.jp/download"))) {
            ApiClient.Response answer = server.api().get("/api/v1/client-version", null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("minimum").asText()).isEqualTo("0.2.0");
            assertThat(answer.json().get("latest").asText()).isEqualTo("0.3.1");
            assertThat(answer.json().get("downloadUrl").asText()).isEqualTo("https://sitesign.example.jp/download");
        }
    }

    @Test
    void nothingConfiguredIsAnsweredAsEmptyValues() {
        try (TestServer server = TestServer.start()) {
            ApiClient.Response answer = server.api().get("/api/v1/client-version", null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("minimum").asText()).isEmpty();
            assertThat(answer.json().get("latest").asText()).isEmpty();
        }
    }

    @Test
    void aValueThatIsNotAVersionIsNamedWhenTheServerStarts() {
        ServerConfig config = ServerConfig.load(dir, Map.of(), Map.of("client.latest-version", "newest"));
        assertThatThrownBy(() -> ClientVersionResource.of(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client.latest-version").hasMessageContaining("\"newest\"");
    }
}
