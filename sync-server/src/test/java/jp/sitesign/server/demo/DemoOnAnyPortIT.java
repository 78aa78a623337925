package jp.sitesign.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.DemoPrintout;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo --port 0}: the demo data used to fail, because the DEMO TSA's address and the URLs
 * the embedded CA writes into certificates were made before the port was chosen and named port 0.
 */
class DemoOnAnyPortIT {

    @Test
    void theDemoOnAFreePortMakesItsDataWithTheBoundPortInItsUrls(@TempDir Path dir) throws Exception {
        if (TestServer.onPostgres()) {
            return; // the embedded default's demo; nothing here depends on the database
        }
        try (ServerProcess server = ServerProcess.start(dir, "--demo", "--port", "0")) {
            assertThat(server.port()).as(server.output()).isPositive();
            DemoPrintout demo = DemoPrintout.parse(server.output());
            assertThat(demo.companies).as(server.output()).hasSize(2);

            X509Certificate certificate = CertificatePem.decode(Files.readAllBytes(dir.resolve("server-certificate.pem")))
                    .get(0);
            ApiClient api = server.api(certificate);
            String token = demo.login(api, "発注者", "責任者 OWNER");
            JsonNode completed = api.get("/api/v1/contracts?status=COMPLETED", token).json();
            assertThat(completed.toString()).as("the 締結済 demo contract, timestamped by the DEMO TSA")
                    .contains("\"status\":\"COMPLETED\"");
            JsonNode policy = api.get("/api/v1/signature-policy", token).json();
            assertThat(policy.get("tsaUrl").asText()).isEqualTo("https://127.0.0.1:" + server.port() + "/demo-tsa");
        }
    }
}
