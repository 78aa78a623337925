package jp.sitesign.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.server.audit.AuditRows;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * {@code keys rotate-master}, {@code status} and {@code retire-master} on the server's database (H2, and
 * PostgreSQL in the postgres run): every company stays readable across the rotation and restarts, the old key
 * file stays until no company key needs it and a backup since the rotation verifies, each step is audited, and
 * no key's bytes are printed.
 */
class MasterKeyRotationIT {

    @Test
    void rotationKeepsEveryCompanyReadableAndRetiringWaitsForAVerifiedBackup() throws IOException, SQLException {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("鍵更新建設株式会社");
            TestServer.TestCompany b = server.createCompany("鍵更新工務店");
            String token = server.api().login(a.owner().value(), TestServer.PASSWORD);
            ApiClient.Response created = server.api().post("/api/v1/contracts", token, draft("鍵更新前の注文書"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String contract = created.json().get("id").asText();
            String oldKey = key(server, "master.key");

            OperatorCli.Result rotated = OperatorCli.run(server, "keys", "rotate-master", "--batch-size", "1");
            assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
            assertThat(rotated.out()).contains("2 of 2 company keys re-wrapped");
            String newKey = key(server, "master.key");
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(key(server, "master.previous.key")).as("the old key file is kept").isEqualTo(oldKey);
            assertThat(rotated.out() + rotated.err()).doesNotContain(oldKey).doesNotContain(newKey);

            OperatorCli.Result status = OperatorCli.run(server, "keys", "status");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).containsPattern("Current master key: +[0-9a-f]{16} \\(company keys: 2\\)")
                    .containsPattern("Previous master key: [0-9a-f]{16} \\(company keys: 0\\)");

            server.restart();
            assertReadable(server, a, contract, "鍵更新前の注文書");
            assertThat(server.api().login(b.member().value(), TestServer.PASSWORD)).isNotBlank();
            TestServer.TestCompany later = server.createCompany("鍵更新後建設");
            assertThat(server.api().login(later.owner().value(), TestServer.PASSWORD)).isNotBlank();

            OperatorCli.Result early = OperatorCli.run(server, "keys", "retire-master");
            assertThat(early.exitCode()).as(early.toString()).isEqualTo(1);
            assertThat(early.err()).contains("マスター鍵の更新後のデータバックアップ").contains("no data backup");
            assertThat(Path.of(server.dataDir().toString(), "master.previous.key")).exists();

            OperatorCli.Result backup = OperatorCli.run(server, "backup", "create");
            assertThat(backup.exitCode()).as(backup.toString()).isZero();
            OperatorCli.Result retired = OperatorCli.run(server, "keys", "retire-master");
            assertThat(retired.exitCode()).as(retired.toString()).isZero();
            assertThat(retired.out()).contains("retired");
            assertThat(server.dataDir().resolve("master.previous.key")).doesNotExist();
            assertThat(retired.out() + retired.err()).doesNotContain(oldKey).doesNotContain(newKey);

            server.restart();
            assertReadable(server, a, contract, "鍵更新前の注文書");
            List<AuditEvent> events = auditEvents(server);
            assertThat(events).filteredOn(e -> e.action() == AuditAction.MASTER_KEY_ROTATED).hasSize(2);
            assertThat(events).filteredOn(e -> e.action() == AuditAction.MASTER_KEY_RETIRED)
                    .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.SUCCESS);
            assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.details()))
                    .doesNotContain(oldKey).doesNotContain(newKey));
            OperatorCli.Result verify = OperatorCli.run(server, "audit", "verify");
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
        }
    }

    @Test
    void retiringIsRefusedWhileACompanyKeyIsStillWrappedByThePreviousKey() throws SQLException {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("旧鍵残り建設");
            byte[] wrappedByOld = wrappedKey(server, a);
            assertThat(OperatorCli.run(server, "keys", "rotate-master").exitCode()).isZero();
            // As a server of the same database still on the old key file would have written it.
            server.context().db().inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE companies SET wrapped_key = ? WHERE id = ?")) {
                    ps.setBytes(1, wrappedByOld);
                    ps.setString(2, a.id().value());
                    return ps.executeUpdate();
                }
            });
            assertThat(OperatorCli.run(server, "backup", "create").exitCode()).isZero();

            OperatorCli.Result refused = OperatorCli.run(server, "keys", "retire-master");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("1 社の企業鍵がまだ旧マスター鍵")
                    .contains("1 company keys are still wrapped by the previous master key")
                    .contains("keys rotate-master");
            assertThat(server.dataDir().resolve("master.previous.key")).exists();
            server.restart();
            assertThat(server.api().login(a.member().value(), TestServer.PASSWORD)).as("still readable").isNotBlank();

            OperatorCli.Result finished = OperatorCli.run(server, "keys", "rotate-master");
            assertThat(finished.exitCode()).as(finished.toString()).isZero();
            assertThat(finished.out()).contains("1 of 1 company keys re-wrapped");
            OperatorCli.Result retired = OperatorCli.run(server, "keys", "retire-master");
            assertThat(retired.exitCode()).as(retired.toString()).isZero();
            server.restart();
            assertThat(server.api().login(a.owner().value(), TestServer.PASSWORD)).isNotBlank();
            assertThat(auditEvents(server)).filteredOn(e -> e.action() == AuditAction.MASTER_KEY_RETIRED)
                    .extracting(AuditEvent::outcome)
                    .containsExactlyInAnyOrder(AuditOutcome.DENIED, AuditOutcome.SUCCESS);
        }
    }

    @Test
    void badInputIsRefusedInBothLanguagesWithANonZeroExit() throws IOException {
        try (TestServer server = TestServer.start()) {
            server.createCompany("入力誤り建設");
            Path shortKey = server.dataDir().resolve("short.key");
            Files.writeString(shortKey, "c2hvcnQ=\n", StandardCharsets.US_ASCII);

            OperatorCli.Result missing = OperatorCli.run(server, "keys", "rotate-master", "--new-key",
                    server.dataDir().resolve("no-such.key").toString());
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
            assertThat(missing.err()).contains("エラー: 新しい鍵のファイル").contains("cannot be read or does not hold");
            OperatorCli.Result wrong = OperatorCli.run(server, "keys", "rotate-master", "--new-key", shortKey.toString());
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
            assertThat(wrong.err()).contains("256-bit key in Base64");
            OperatorCli.Result batch = OperatorCli.run(server, "keys", "rotate-master", "--batch-size", "0");
            assertThat(batch.exitCode()).as(batch.toString()).isEqualTo(1);
            assertThat(batch.err()).contains("--batch-size は 1 以上").contains("--batch-size must be at least 1");
            OperatorCli.Result nothing = OperatorCli.run(server, "keys", "retire-master");
            assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(1);
            assertThat(nothing.err()).contains("廃棄する旧マスター鍵はありません").contains("no previous master key");
            assertThat(server.dataDir().resolve("master.previous.key")).as("nothing was rotated").doesNotExist();
        }
    }

    /** A company key no master key of the folder opens (a wrong key file on another server): said, and nothing moves. */
    @Test
    void aCompanyKeyUnderAForeignMasterKeyStopsRotationAndRetirement() throws IOException {
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("他鍵建設");
            byte[] foreign = jp.sitesign.model.crypto.KeyWrap.wrap(jp.sitesign.model.crypto.Aead.newKey(),
                    jp.sitesign.model.crypto.Aead.newKey(), a.id().value());
            server.context().db().inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE companies SET wrapped_key = ? WHERE id = ?")) {
                    ps.setBytes(1, foreign);
                    ps.setString(2, a.id().value());
                    return ps.executeUpdate();
                }
            });
            OperatorCli.Result status = OperatorCli.run(server, "keys", "status");
            assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
            assertThat(status.out()).contains("Company keys under neither key: 1 (" + a.id() + " first)");
            String key = key(server, "master.key");
            OperatorCli.Result rotate = OperatorCli.run(server, "keys", "rotate-master");
            assertThat(rotate.exitCode()).as(rotate.toString()).isEqualTo(1);
            assertThat(rotate.err()).contains("どのマスター鍵でも開けません")
                    .contains("open under none of this data folder's master keys");
            assertThat(key(server, "master.key")).as("nothing rotated").isEqualTo(key);
            assertThat(server.dataDir().resolve("master.previous.key")).doesNotExist();
        }
    }

    /** On the embedded H2 the file itself opens only with the folder's key: a wrong key file is named. */
    @Test
    void aWrongMasterKeyFileIsNamedInBothLanguages() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestServer.onPostgres(), "the embedded H2's file password");
        try (TestServer server = TestServer.start()) {
            Path dir = server.handOver();
            Files.writeString(dir.resolve("master.key"), java.util.Base64.getEncoder().encodeToString(
                    jp.sitesign.model.crypto.Aead.newKey().getEncoded()), StandardCharsets.US_ASCII);
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = jp.sitesign.server.cli.ServerCli.run(new String[] {"keys", "status", "--data-dir",
                dir.toString()}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(code).as(err.toString()).isEqualTo(1);
            assertThat(err.toString()).contains("データベースを開けません").contains("does not open this data folder's"
                    + " database").contains("master.key");
        }
    }

    static void assertReadable(TestServer server, TestServer.TestCompany company, String contract, String title) {
        String token = server.api().login(company.owner().value(), TestServer.PASSWORD);
        ApiClient.Response read = server.api().get("/api/v1/contracts/" + contract, token);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo(title);
    }

    static Map<String, Object> draft(String title) {
        return Map.of("form", "BILATERAL", "title", title, "transactionDate", "2026-12-01", "amountYen", 500_000L,
                "counterparties", List.of(), "route", List.of());
    }

    static List<AuditEvent> auditEvents(TestServer server) throws SQLException {
        return AuditRows.events(server.context().db().dataSource());
    }

    private static String key(TestServer server, String file) throws IOException {
        return Files.readString(server.dataDir().resolve(file), StandardCharsets.US_ASCII).strip();
    }

    private static byte[] wrappedKey(TestServer server, TestServer.TestCompany company) {
        return server.context().db().read(c -> {
            try (var ps = c.prepareStatement("SELECT wrapped_key FROM companies WHERE id = ?")) {
                ps.setString(1, company.id().value());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }
}
