package jp.sitesign.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.crypto.KeyWrap;
import jp.sitesign.model.crypto.TamperedDataException;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.MasterKeyRing;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/**
 * {@code keys rotate-company} on the server's database (H2, and PostgreSQL in the postgres run): every value
 * sealed for the company — profile, users, contract, PDF, attachment name — opens under the new data key
 * afterwards and no longer under the old one, which is destroyed; other companies are untouched; the content
 * reads the same through the API; each run is audited; unknown companies are refused in both languages.
 */
class CompanyKeyRotationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySealedValueOfTheCompanyMovesToTheNewKeyAndTheOldOneIsDestroyed() throws Exception {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("データ鍵更新建設");
            TestServer.TestCompany b = server.createCompany("データ鍵据置建設");
            String token = server.api().login(a.owner().value(), TestServer.PASSWORD);
            JsonNode k = ok(server.api().post("/api/v1/contracts", token, MasterKeyRotationIT.draft("鍵更新する注文書")),
                    201);
            String contract = k.get("id").asText();
            byte[] main = pdf(1);
            k = ok(server.api().raw("PUT", "/api/v1/contracts/" + contract + "/document?revision="
                    + k.get("revision").asLong(), token, main, Map.of("Content-Type", "application/pdf")), 200);
            byte[] attachment = pdf(2);
            k = ok(server.api().raw("POST", "/api/v1/contracts/" + contract + "/attachments?revision="
                    + k.get("revision").asLong() + "&name=" + URLEncoder.encode("内訳書", StandardCharsets.UTF_8), token,
                    attachment, Map.of("Content-Type", "application/pdf")), 201);
            SecretKey oldKey = dataKey(server, a.id());
            byte[] bWrapped = wrapped(server, b.id());
            List<byte[]> sealedBefore = sealed(server, a.id());
            assertThat(sealedBefore).as("content of every kind was made").hasSizeGreaterThanOrEqualTo(8);

            OperatorCli.Result r = OperatorCli.run(server, "keys", "rotate-company", "--company", a.id().value(),
                    "--batch-size", "2");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("new data key").contains("the previous data key is destroyed");

            server.restart();
            SecretKey newKey = dataKey(server, a.id());
            assertThat(newKey.getEncoded()).isNotEqualTo(oldKey.getEncoded());
            assertThat(wrapped(server, b.id())).as("another company's key").isEqualTo(bWrapped);
            int kept = server.context().db().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM companies WHERE previous_wrapped_key IS NOT NULL");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(kept).as("the old key is gone from the database").isZero();
            ContentCipher cipher = new ContentCipher(MasterKeyRing.load(server.dataDir()), server.dataDir(), JSON);
            List<byte[]> sealedAfter = new ArrayList<>();
            server.context().db().read(c -> {
                for (SealedColumns.Column column : SealedColumns.ALL) {
                    for (Row row : rows(c, column, a.id())) {
                        assertThat(cipher.resealUnderCurrent(c, a.id(), column.place().apply(row.keys()), row.sealed()))
                                .as("%s.%s %s is under the new key", column.table(), column.column(), row.keys())
                                .isEmpty();
                        assertThatThrownBy(() -> Aead.decrypt(oldKey, row.sealed(), aad(a.id(),
                                column.place().apply(row.keys())))).isInstanceOf(TamperedDataException.class);
                        sealedAfter.add(row.sealed());
                    }
                }
                return null;
            });
            assertThat(sealedAfter).hasSameSizeAs(sealedBefore);

            String again = server.api().login(a.member().value(), TestServer.PASSWORD);
            JsonNode read = ok(server.api().get("/api/v1/contracts/" + contract, token), 200);
            assertThat(read.get("title").asText()).isEqualTo("鍵更新する注文書");
            assertThat(server.api().get("/api/v1/contracts/" + contract + "/document", token).bytes()).isEqualTo(main);
            assertThat(read.get("documents").findValuesAsText("name")).contains("内訳書");
            assertThat(again).isNotBlank();
            assertThat(server.api().login(b.owner().value(), TestServer.PASSWORD)).isNotBlank();
            assertThat(MasterKeyRotationIT.auditEvents(server))
                    .filteredOn(e -> e.action() == AuditAction.COMPANY_KEY_ROTATED)
                    .allSatisfy(e -> assertThat(e.companyId()).isEqualTo(a.id().value()))
                    .extracting(e -> e.details()).anySatisfy(d -> assertThat(d).startsWith("started"))
                    .anySatisfy(d -> assertThat(d).contains("previous data key destroyed"));
        }
    }

    /**
     * A backup taken while a company's rotation is under way carries both of its data keys: restored into a new
     * folder, content still under the old key and content already under the new one both read.
     */
    @Test
    void aBackupTakenHalfWayThroughARotationRestoresEverything(@org.junit.jupiter.api.io.TempDir Path target)
            throws Exception {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("途中バックアップ建設");
            String token = server.api().login(a.owner().value(), TestServer.PASSWORD);
            String before = ok(server.api().post("/api/v1/contracts", token,
                    MasterKeyRotationIT.draft("更新前に作った注文書")), 201).get("id").asText();
            // The state a rotation killed right after its start leaves: a new key, nothing re-sealed yet.
            ContentCipher cipher = new ContentCipher(MasterKeyRing.load(server.dataDir()), server.dataDir(), JSON);
            server.context().db().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE companies SET previous_wrapped_key ="
                        + " wrapped_key, wrapped_key = ? WHERE id = ?")) {
                    ps.setBytes(1, cipher.wrapForStorage(a.id(), Aead.newKey()));
                    ps.setString(2, a.id().value());
                    return ps.executeUpdate();
                }
            });
            String after = ok(server.api().post("/api/v1/contracts", token,
                    MasterKeyRotationIT.draft("更新中に作った注文書")), 201).get("id").asText();
            Path backups = target.resolve("backups");
            server.context().backups().createData(backups, true);

            Map<String, String> settings = new java.util.TreeMap<>(Map.of("host", "127.0.0.1", "port", "0"));
            if (TestServer.onPostgres()) {
                settings.put("db.url", jp.sitesign.server.testing.PostgresCluster.get().newDatabase());
                settings.put("db.user", "postgres");
            }
            jp.sitesign.server.config.ServerConfig config = jp.sitesign.server.config.ServerConfig.load(
                    target.resolve("restored"), Map.of(), settings);
            jp.sitesign.server.backup.Backups.restore(backups, server.context().config().backupKeyFile(), 1, null,
                    config, java.time.Clock.systemUTC());
            try (TestServer.Running restored = TestServer.runOn(config)) {
                String t = restored.api().login(a.member().value(), TestServer.PASSWORD);
                String owner = restored.api().login(a.owner().value(), TestServer.PASSWORD);
                assertThat(t).isNotBlank();
                assertThat(ok(restored.api().get("/api/v1/contracts/" + before, owner), 200).get("title").asText())
                        .isEqualTo("更新前に作った注文書");
                assertThat(ok(restored.api().get("/api/v1/contracts/" + after, owner), 200).get("title").asText())
                        .isEqualTo("更新中に作った注文書");
            }
        }
    }

    @Test
    void anUnknownOrMalformedCompanyIsRefusedInBothLanguages() {
        try (TestServer server = TestServer.start()) {
            OperatorCli.Result unknown = OperatorCli.run(server, "keys", "rotate-company", "--company", "C99999999");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
            assertThat(unknown.err()).contains("企業 C99999999 は登録されていません").contains("There is no company C99999999");
            OperatorCli.Result malformed = OperatorCli.run(server, "keys", "rotate-company", "--company", "X1");
            assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(1);
            assertThat(malformed.err()).contains("C + 8 桁").contains("C followed by 8 digits");
        }
    }

    /** A binary column added without saying whether it holds sealed content would be left under an old key. */
    @Test
    void everyBinaryColumnIsEitherReSealedOrNamedAsNotSealedContent() {
        try (TestServer server = TestServer.start()) {
            Set<String> binary = server.context().db().read(c -> {
                Set<String> found = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type FROM"
                        + " information_schema.columns WHERE LOWER(table_schema) = 'public'");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(3).toLowerCase(Locale.ROOT);
                        if (type.equals("bytea") || type.contains("binary") || type.contains("blob")) {
                            found.add((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                return found;
            });
            Set<String> named = new TreeSet<>(SealedColumns.NOT_SEALED_CONTENT);
            SealedColumns.ALL.forEach(col -> named.add(col.table() + "." + col.column()));
            assertThat(binary).isNotEmpty().isEqualTo(named);
        }
    }

    private record Row(List<Object> keys, byte[] sealed) {
    }

    private static List<Row> rows(java.sql.Connection c, SealedColumns.Column column, CompanyId company)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(column.selectPage(true))) {
            ps.setString(1, company.value());
            ps.setInt(2, 100_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> keys = new ArrayList<>();
                    for (int i = 1; i <= column.keys().size(); i++) {
                        keys.add(rs.getObject(i));
                    }
                    rows.add(new Row(keys, rs.getBytes(column.keys().size() + 1)));
                }
            }
        }
        return rows;
    }

    private static List<byte[]> sealed(TestServer server, CompanyId company) {
        return server.context().db().read(c -> {
            List<byte[]> all = new ArrayList<>();
            for (SealedColumns.Column column : SealedColumns.ALL) {
                rows(c, column, company).forEach(r -> all.add(r.sealed()));
            }
            return all;
        });
    }

    private static byte[] wrapped(TestServer server, CompanyId company) {
        return server.context().db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT wrapped_key FROM companies WHERE id = ?")) {
                ps.setString(1, company.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    private static SecretKey dataKey(TestServer server, CompanyId company) {
        return KeyWrap.unwrap(MasterKeyRing.load(server.dataDir()).current().keyEncryptionKey(),
                wrapped(server, company), company.value());
    }

    private static byte[] aad(CompanyId company, String place) {
        return ("sitesign-content-v1|" + company.value() + "|" + place).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }

    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
