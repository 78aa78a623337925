package jp.sitesign.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.server.auth.AuthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        ServerConfig c = ServerConfig.load(dir, Map.of(), Map.of());
        assertThat(c.port()).isEqualTo(8443);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.isEmbeddedDatabase()).isTrue();
        assertThat(c.getInt("login.max-failures")).isEqualTo(5);
    }

    @Test
    void fileThenEnvironmentThenFlagsEachOverrideTheOneBefore() throws IOException {
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), "port=9000\nhost=0.0.0.0\nlogin.max-failures=7\n");
        ServerConfig fileOnly = ServerConfig.load(dir, Map.of(), Map.of());
        assertThat(fileOnly.port()).isEqualTo(9000);

        ServerConfig withEnv = ServerConfig.load(dir, Map.of("SITESIGN_PORT", "9100", "SITESIGN_LOGIN_MAX_FAILURES", "3"),
                Map.of());
        assertThat(withEnv.port()).isEqualTo(9100);
        assertThat(withEnv.getInt("login.max-failures")).isEqualTo(3);
        assertThat(withEnv.host()).isEqualTo("0.0.0.0");

        ServerConfig withFlag = ServerConfig.load(dir, Map.of("SITESIGN_PORT", "9100"), Map.of("port", "9200"));
        assertThat(withFlag.port()).isEqualTo(9200);
    }

    @Test
    void aPostgresUrlMeansTheEmbeddedDatabaseIsNotUsed() {
        ServerConfig c = ServerConfig.load(dir, Map.of("SITESIGN_DB_URL", "jdbc:postgresql://db/sitesign"), Map.of());
        assertThat(c.isEmbeddedDatabase()).isFalse();
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db/sitesign");
    }

    @Test
    void thePdfLimitsAreSettingsAndFilesMayBeTwiceTheUploadLimit() {
        PdfLimits defaults = ServerConfig.load(dir, Map.of(), Map.of()).pdfLimits();
        assertThat(defaults.maxStreamBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(defaults.maxObjects()).isEqualTo(300_000);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(20));

        PdfLimits set = ServerConfig.load(dir, Map.of("SITESIGN_LIMITS_PDF_TIMEOUT_SECONDS", "5"), Map.of(
                "limits.max-document-bytes", String.valueOf(50 * 1024 * 1024), "limits.pdf-max-objects", "1000")).pdfLimits();
        assertThat(set.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.maxObjects()).isEqualTo(1000);
        assertThat(set.maxFileBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void aNonNumericNumberSettingNamesTheKey() {
        ServerConfig c = ServerConfig.load(dir, Map.of(), Map.of("port", "eighty"));
        assertThatThrownBy(c::port).hasMessageContaining("port").hasMessageContaining("eighty");
    }

    @Test
    void aCountOfThreadsOrQueuedWorkBelowOneNamesTheKey() {
        ServerConfig c = ServerConfig.load(dir, Map.of(), Map.of("login.hash-queue", "0"));
        assertThatThrownBy(() -> AuthSettings.from(c)).hasMessageContaining("login.hash-queue")
                .hasMessageContaining("at least 1");
        assertThat(AuthSettings.from(ServerConfig.load(dir, Map.of(), Map.of())).hashThreads())
                .as("auto: half the processors, at least one").isPositive();
    }

    @Test
    void demoModeIsOffByDefaultAndTurnsTheAutoDemoCaOnEvenOnPostgres() {
        String postgres = "jdbc:postgresql://db/sitesign";
        ServerConfig plain = ServerConfig.load(dir, Map.of(), Map.of("db.url", postgres));
        assertThat(plain.demoMode()).isFalse();
        assertThat(plain.demoCaEnabled()).isFalse();

        ServerConfig demo = ServerConfig.load(dir, Map.of(), Map.of("db.url", postgres, "demo", "true"));
        assertThat(demo.demoMode()).isTrue();
        assertThat(demo.demoCaEnabled()).isTrue();
        assertThat(ServerConfig.load(dir, Map.of(), Map.of("demo", "true", "demo-ca.enabled", "false")).demoCaEnabled())
                .as("an explicit false still wins").isFalse();
    }
}
