package jp.sitesign.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second {@code serve} on a data folder another process serves is refused, saying why; the first keeps serving. */
class ServeLockIT {

    @Test
    void aSecondServerOnTheSameDataFolderIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        StringBuilder props = new StringBuilder("host=127.0.0.1\n");
        if (TestServer.onPostgres()) {
            props.append("db.url=").append(PostgresCluster.get().newDatabase()).append("\ndb.user=postgres\n");
        }
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), props, StandardCharsets.UTF_8);
        X509Certificate certificate;
        try (ServerContext ctx = new ServerContext(ServerConfig.load(dir, Map.of(), Map.of()), Clock.systemUTC())) {
            certificate = TlsIdentity.load(ctx.config(), ctx.masterKey()).certificate();
        }
        try (ServerProcess first = ServerProcess.start(dir)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = ServerCli.run(new String[] {"serve", "--data-dir", dir.toString(), "--port", "0"},
                    new PrintWriter(out, true), new PrintWriter(err, true));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("すでに SiteSign サーバー", "Another SiteSign server (pid",
                    dir.toAbsolutePath().toString(), "--data-dir").doesNotContain("Exception", "\tat ");
            assertThat(out.toString()).doesNotContain("Press Ctrl+C");
            assertThat(first.api(certificate).get("/health/ready", null).status()).as("the first one still serves")
                    .isEqualTo(200);
        }
    }
}
