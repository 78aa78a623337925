package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's data for the customer who asks: the export opens with the printed key and OpenSSL — a tool
 * nobody here wrote — and holds its contracts with their PDFs, its audit log and its users, nothing of
 * another company's; a README in Japanese says how.
 */
class CompanyExportIT {
    @TempDir
    Path work;

    @Test
    void theCustomerOpensTheExportWithTheKeyAndOpenssl() throws Exception {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("書出依頼建設株式会社");
            TestServer.TestCompany other = server.createCompany("無関係工業株式会社");
            String token = server.api().login(a.member().value(), TestServer.PASSWORD);
            ApiClient.Response created = server.api().post("/api/v1/contracts", token, Map.of("form", "BILATERAL",
                    "title", "書き出される注文書", "counterparties", List.of(), "route", List.of()));
            String id = created.json().get("id").asText();
            server.api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + created.json().get("revision")
                    .asLong(), token, TestPdfs.multiPage(2), Map.of("Content-Type", "application/pdf"));
            String otherToken = server.api().login(other.member().value(), TestServer.PASSWORD);
            server.api().post("/api/v1/contracts", otherToken, Map.of("form", "BILATERAL", "title", "他社の秘密の注文書",
                    "counterparties", List.of(), "route", List.of()));

            Path dir = work.resolve("export");
            OperatorCli.Result r = OperatorCli.run(server, "backup", "export", "--company", a.id().value(), "--to",
                    dir.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            String keyId = value(r.out(), "鍵 ID / key id:");
            String key = value(r.out(), "鍵 / key:");
            assertThat(Files.readString(dir.resolve("README.txt"))).contains("openssl cms -decrypt").contains(keyId)
                    .contains("復号").doesNotContain(key);

            Path zip = work.resolve("export.zip");
            Process p = new ProcessBuilder("openssl", "cms", "-decrypt", "-inform", "DER", "-binary", "-in",
                    dir.resolve("export.p7m").toString(), "-out", zip.toString(), "-secretkeyid", keyId, "-secretkey",
                    key).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(said).isZero();

            Map<String, byte[]> files = unzip(Files.readAllBytes(zip));
            assertThat(files).containsKeys("contracts.zip", "audit-log.csv", "users.csv");
            Map<String, byte[]> contracts = unzip(files.get("contracts.zip"));
            String csv = new String(contracts.get("contracts.csv"), StandardCharsets.UTF_8);
            assertThat(csv).contains("書き出される注文書").doesNotContain("他社の秘密の注文書");
            assertThat(contracts.keySet()).anySatisfy(name -> assertThat(name).startsWith("pdf/").endsWith(".pdf"));
            assertThat(new String(files.get("audit-log.csv"), StandardCharsets.UTF_8)).contains(id);
            assertThat(new String(files.get("users.csv"), StandardCharsets.UTF_8)).contains(a.member().value())
                    .doesNotContain(other.member().value());

            Process wrong = new ProcessBuilder("openssl", "cms", "-decrypt", "-inform", "DER", "-binary", "-in",
                    dir.resolve("export.p7m").toString(), "-out", work.resolve("no.zip").toString(), "-secretkeyid",
                    keyId, "-secretkey", "00".repeat(32)).redirectErrorStream(true).start();
            wrong.getInputStream().readAllBytes();
            assertThat(wrong.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong.exitValue()).as("another key opens nothing").isNotZero();
        }
    }

    private static String value(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow().substring(label.length()).strip();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
