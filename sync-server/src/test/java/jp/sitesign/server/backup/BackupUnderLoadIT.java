package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups taken while eight clients write for thirty seconds (drafts, their PDFs, edits) restore to a
 * consistent state: every backup, full or differential, restores to a database in which each contract has
 * the documents it names, each contract and document has the audit event that made it and each such event
 * its contract, and the audit chain is whole — one moment of the database, not pieces of several.
 */
class BackupUnderLoadIT {
    private static final int CLIENTS = 8;
    private static final long WRITE_MILLIS = 30_000;

    @TempDir
    Path work;

    @Test
    void backupsTakenUnderWritesRestoreToOneMoment() throws Exception {
        try (TestServer server = TestServer.start(Map.of(), jp.sitesign.server.testing.MutableClock.running())) {
            TestServer.TestCompany a = server.createCompany("同時書込建設株式会社");
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                tokens.add(server.api().login((i % 2 == 0 ? a.member() : a.member2()).value(), TestServer.PASSWORD));
            }
            Path backups = work.resolve("backups");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String token = tokens.get(i);
                int client = i;
                Thread t = new Thread(() -> {
                    for (int n = 0; writing.get(); n++) {
                        write(server.api(), token, client, n);
                        written.incrementAndGet();
                    }
                });
                t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
                clients.add(t);
                t.start();
            }
            List<Backups.Listing> taken = new ArrayList<>();
            long end = System.currentTimeMillis() + WRITE_MILLIS;
            taken.add(server.context().backups().createData(backups, true));
            while (System.currentTimeMillis() < end) {
                taken.add(server.context().backups().createData(backups, false));
            }
            writing.set(false);
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(written.get()).as("the clients wrote meanwhile").isGreaterThan(taken.size());
            assertThat(taken.size()).as("a full backup and differentials during the writes").isGreaterThan(2);

            for (Backups.Listing backup : List.of(taken.get(0), taken.get(taken.size() / 2), taken.get(taken.size() - 1))) {
                ServerConfig target = ServerConfig.load(work.resolve("restored-" + backup.id()), Map.of(),
                        Map.of("host", "127.0.0.1"));
                Backups.restore(backups, server.context().config().backupKeyFile(), null, backup.createdAt(), target,
                        Clock.systemUTC());
                try (ServerContext restored = new ServerContext(target, Clock.systemUTC())) {
                    assertConsistent(restored.db(), backup.id());
                    assertThat(restored.audit().verify()).as(backup.id()).isEmpty();
                }
            }
        }
    }

    /** A draft with its PDF, then an edit of its title: three transactions the snapshot may fall between. */
    private static void write(ApiClient api, String token, int client, int n) {
        ApiClient.Response created = api.post("/api/v1/contracts", token, Map.of("form", "BILATERAL", "title",
                "同時書込 " + client + "-" + n, "transactionDate", "2026-12-01", "amountYen", 1000L + n,
                "counterparties", List.of(), "route", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        ApiClient.Response attached = api.raw("PUT", "/api/v1/contracts/" + id + "/document?revision="
                + created.json().get("revision").asLong(), token, TestPdfs.multiPage(1 + n % 3),
                Map.of("Content-Type", "application/pdf"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        ApiClient.Response edited = api.put("/api/v1/contracts/" + id, token, Map.of("revision",
                attached.json().get("revision").asLong(), "title", "同時書込 編集 " + client + "-" + n, "form",
                "BILATERAL", "transactionDate", "2026-12-02", "amountYen", 2000L + n, "counterparties", List.of(),
                "route", List.of()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    private static void assertConsistent(Database db, String backup) {
        db.read(c -> {
            Set<String> contracts = column(c, "SELECT id FROM contracts");
            Set<String> named = column(c, "SELECT id || '|' || main_document FROM contracts WHERE main_document IS NOT NULL");
            Set<String> documents = column(c, "SELECT contract_id || '|' || sha256 FROM contract_documents");
            Set<String> created = column(c, "SELECT target FROM audit_events WHERE action = 'CONTRACT_CREATED'");
            Set<String> attachedEvents = column(c, "SELECT target FROM audit_events WHERE action = 'DOCUMENT_ATTACHED'");
            Set<String> withDocuments = column(c, "SELECT DISTINCT contract_id FROM contract_documents");
            assertThat(documents).as(backup + ": every contract has the PDF it names").containsAll(named);
            assertThat(created).as(backup + ": every contract and its creation event, both or neither")
                    .containsExactlyInAnyOrderElementsOf(contracts);
            assertThat(attachedEvents).as(backup + ": every document and its event, both or neither")
                    .containsExactlyInAnyOrderElementsOf(withDocuments);
            return null;
        });
    }

    private static Set<String> column(java.sql.Connection c, String sql) throws java.sql.SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
