package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, then restore into an empty data folder (and database): the same rows, the same documents and
 * audit events, the audit chain intact, users able to log in and read their (still sealed) content. A
 * differential restored over its full brings the changes made in between, deletions included; and a
 * backup of one database restores into the other.
 */
class BackupRestoreIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static String memberToken;
    static Path backups;
    static Map<String, List<String>> atFull;
    static Map<String, List<String>> atDifferential;
    static Backups.Listing full;
    static Backups.Listing differential;
    static String editedDraft;
    static String deletedDraft;
    static String addedDraft;

    @BeforeAll
    static void backUpTwice() throws Exception {
        server = TestServer.start();
        a = server.createCompany("復元試験建設株式会社");
        server.createCompany("協力工業株式会社");
        memberToken = server.api().login(a.member().value(), TestServer.PASSWORD);
        server.context().notices().publish(NoticeCategory.MAINTENANCE, "定期保守", "バックアップ試験の前の保守です。");
        editedDraft = draftWithPdf("編集される下書き", 2);
        deletedDraft = draftWithPdf("削除される下書き", 3);
        draftWithPdf("変わらない下書き", 4);
        backups = Files.createTempDirectory("sitesign-backups-");
        full = server.context().backups().createData(backups, true);
        atFull = dump(server.context().db());
        server.clock().advance(java.time.Duration.ofHours(24));
        memberToken = server.api().login(a.member().value(), TestServer.PASSWORD);

        JsonNode k = server.api().get("/api/v1/contracts/" + editedDraft, memberToken).json();
        ApiClient.Response edited = server.api().put("/api/v1/contracts/" + editedDraft, memberToken,
                Map.of("revision", k.get("revision").asLong(), "title", "編集された下書き", "form", "BILATERAL",
                        "transactionDate", "2026-12-02", "amountYen", 2_000_000L, "counterparties", List.of(),
                        "route", List.of()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode d = server.api().get("/api/v1/contracts/" + deletedDraft, memberToken).json();
        assertThat(server.api().delete("/api/v1/contracts/" + deletedDraft + "?revision=" + d.get("revision").asLong(),
                memberToken).status()).isIn(200, 204);
        addedDraft = draftWithPdf("差分で増えた下書き", 5);
        differential = server.context().backups().createData(backups, false);
        atDifferential = dump(server.context().db());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TempDir
    Path target;

    @Test
    void theFullAndTheDifferentialAreWhatTheyClaim() throws Exception {
        assertThat(full.kind()).isEqualTo("FULL");
        assertThat(differential.kind()).isEqualTo("DIFFERENTIAL");
        assertThat(differential.base()).isEqualTo(full.id());
        assertThat(rows(differential, "contracts")).as("the edited and the added draft").isEqualTo(2);
        assertThat(rows(differential, "contract_documents")).as("the added draft's PDF only").isEqualTo(1);
        assertThat(rows(full, "contract_documents")).isEqualTo(3);
        assertThat(Backups.verify(full.dir(), keyFile()).id()).isEqualTo(full.id());
        assertThat(Backups.verify(differential.dir(), keyFile()).id()).isEqualTo(differential.id());
    }

    @Test
    void aFullBackupRestoresTheDataAsItWasThen() throws Exception {
        ServerConfig config = targetConfig(false);
        Backups.Restored r = Backups.restore(backups, keyFile(), 1, full.createdAt(), config, Clock.systemUTC());
        assertThat(r.backup().id()).isEqualTo(full.id());

        try (ServerContext restored = new ServerContext(config, Clock.systemUTC())) {
            assertThat(dump(restored.db())).isEqualTo(atFull);
            assertThat(restored.audit().verify()).as("the restored audit chain").isEmpty();
            assertThat(Files.readString(config.dataDir().resolve("master.key")))
                    .as("the restored folder has a master key of its own")
                    .isNotEqualTo(Files.readString(server.dataDir().resolve("master.key")));
        }
        assertReadable(config, editedDraft, "編集される下書き");
    }

    @Test
    void aDifferentialRestoredOverItsFullBringsTheChangesInBetween() throws Exception {
        ServerConfig config = targetConfig(false);
        Backups.Restored r = Backups.restore(backups, keyFile(), 1, null, config, Clock.systemUTC());
        assertThat(r.backup().id()).isEqualTo(differential.id());

        try (ServerContext restored = new ServerContext(config, Clock.systemUTC())) {
            assertThat(dump(restored.db())).isEqualTo(atDifferential);
            assertThat(restored.audit().verify()).isEmpty();
        }
        assertReadable(config, editedDraft, "編集された下書き");
        assertReadable(config, addedDraft, "差分で増えた下書き");
        assertGone(config, deletedDraft);
    }

    @Test
    void aBackupOfOneDatabaseRestoresIntoTheOther() throws Exception {
        ServerConfig config = targetConfig(true);
        Backups.restore(backups, keyFile(), 1, null, config, Clock.systemUTC());
        try (ServerContext restored = new ServerContext(config, Clock.systemUTC())) {
            assertThat(restored.db().isPostgres()).isEqualTo(!server.context().db().isPostgres());
            assertThat(dump(restored.db())).isEqualTo(atDifferential);
            assertThat(restored.audit().verify()).isEmpty();
        }
        assertReadable(config, addedDraft, "差分で増えた下書き");
    }

    @Test
    void aTargetThatHoldsDataIsRefused() {
        ServerConfig config = targetConfig(false);
        Backups.restore(backups, keyFile(), 1, null, config, Clock.systemUTC());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                Backups.restore(backups, keyFile(), 1, null, config, Clock.systemUTC())))
                .isInstanceOfSatisfying(jp.sitesign.model.error.SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(jp.sitesign.model.error.ErrorCode.RESTORE_TARGET_NOT_EMPTY);
                    assertThat(e.messageJa()).contains("既にデータがあります");
                });
    }

    /** The restored server: the member logs in with their password and reads a draft's sealed title. */
    private void assertReadable(ServerConfig config, String contractId, String title) {
        try (TestServer.Running running = TestServer.runOn(config)) {
            ApiClient api = running.api();
            String token = api.login(a.member().value(), TestServer.PASSWORD);
            JsonNode k = api.get("/api/v1/contracts/" + contractId, token).json();
            assertThat(k.get("title").asText()).isEqualTo(title);
            assertThat(api.get("/api/v1/contracts/" + contractId + "/document", token).status()).isEqualTo(200);
        }
    }

    private void assertGone(ServerConfig config, String contractId) {
        try (TestServer.Running running = TestServer.runOn(config)) {
            String token = running.api().login(a.member().value(), TestServer.PASSWORD);
            assertThat(running.api().get("/api/v1/contracts/" + contractId, token).status()).isEqualTo(404);
        }
    }

    /** A restore target on this run's database, or on the other one. */
    private ServerConfig targetConfig(boolean otherDatabase) {
        boolean postgres = TestServer.onPostgres() != otherDatabase;
        Map<String, String> settings = new TreeMap<>(Map.of("host", "127.0.0.1", "port", "0",
                "jobs.expiry-seconds", "86400", "jobs.archive-renewal-minutes", "100000"));
        if (postgres) {
            settings.put("db.url", PostgresCluster.get().newDatabase());
            settings.put("db.user", "postgres");
        }
        return ServerConfig.load(target.resolve("restored"), Map.of(), settings);
    }

    private static long rows(Backups.Listing backup, String table) throws java.io.IOException {
        return Manifest.peek(backup.dir()).parts().stream().filter(p -> table.equals(p.table())).findFirst()
                .orElseThrow().rows();
    }

    private static Path keyFile() {
        return server.context().config().backupKeyFile();
    }

    private static String draftWithPdf(String title, int pages) {
        ApiClient.Response created = server.api().post("/api/v1/contracts", memberToken, Map.of("form", "BILATERAL",
                "title", title, "transactionDate", "2026-12-01", "amountYen", 1_000_000L, "counterparties", List.of(),
                "route", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        ApiClient.Response attached = server.api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision="
                + created.json().get("revision").asLong(), memberToken, TestPdfs.multiPage(pages),
                Map.of("Content-Type", "application/pdf"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        return id;
    }

    /**
     * Every backed-up table's rows as text, sorted; leaving out what a restore makes anew: the company
     * keys' wrapping (under the new master key), the audit head's MAC, the feed counters, and the audit
     * events after the snapshot (the restore's own).
     */
    static Map<String, List<String>> dump(Database db) {
        return db.read(c -> {
            Map<String, List<String>> out = new TreeMap<>();
            long lastEvent;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_events"
                    + " WHERE action <> 'BACKUP_CREATED' AND action <> 'BACKUP_RESTORED'")) {
                rs.next();
                lastEvent = rs.getLong(1);
            }
            for (BackupTables.Table t : BackupTables.ALL) {
                if (t.name().equals("sync_counter") || t.name().equals("audit_head")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t.name())) {
                    List<Rows.Column> cols = Rows.columns(rs.getMetaData(), t.name());
                    while (rs.next()) {
                        Object[] row = Rows.read(rs, cols);
                        StringBuilder line = new StringBuilder();
                        for (int i = 0; i < row.length; i++) {
                            String col = cols.get(i).name();
                            if (col.equals("wrapped_key")) {
                                continue;
                            }
                            line.append(col).append('=').append(row[i] instanceof byte[] b ? Arrays.hashCode(b) : row[i])
                                    .append(' ');
                        }
                        if (!t.name().equals("audit_events") || (Long) row[0] <= lastEvent && !line.toString()
                                .contains("action=BACKUP_")) {
                            rows.add(line.toString());
                        }
                    }
                }
                rows.sort(null);
                out.put(t.name(), rows);
            }
            return out;
        });
    }
}
