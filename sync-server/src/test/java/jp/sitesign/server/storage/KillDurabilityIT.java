package jp.sitesign.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.Pushes;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * "Saved" means on disk (DESIGN §8): an answer that says done survives the server process being
 * SIGKILLed right after it, on the embedded H2 as on PostgreSQL. Every test first restarts the server
 * cleanly, because a cleanly closed store is where acknowledged writes used to go missing.
 */
class KillDurabilityIT {
    private static final byte[] DOCUMENT = "%PDF-1.7 a resumable upload's first chunk".getBytes();

    @Test
    void everyAcknowledgedWriteSurvivesASigkillRightAfterItsAnswer() throws Exception {
        try (TestServer setup = TestServer.start()) {
            TestServer.TestCompany a = setup.createCompany("即時停止建設株式会社");
            X509Certificate certificate = setup.server().tls().certificate();
            Path dir = setup.handOver();
            restartCleanly(dir);

            String token;
            String restDraft;
            Command pushed = Pushes.draft("同期で作った下書き");
            CommandResult applied;
            String sha = Digests.sha256Hex((new String(DOCUMENT) + " and the rest").getBytes());
            try (ServerProcess server = ServerProcess.start(dir)) {
                ApiClient api = server.api(certificate);
                token = api.login(a.member().value(), TestServer.PASSWORD);
                ApiClient.Response created = api.post("/api/v1/contracts", token, draft("REST で作った下書き"));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                restDraft = created.json().get("id").asText();
                applied = push(api, token, List.of(pushed)).get(0);
                assertThat(applied.outcome()).isEqualTo(CommandOutcome.APPLIED);
                ApiClient.Response chunk = api.raw("PUT", "/api/v1/sync/uploads/" + sha + "?offset=0", token, DOCUMENT,
                        Map.of("Content-Type", "application/octet-stream"));
                assertThat(chunk.status()).as(chunk.toString()).isEqualTo(200);
                assertThat(chunk.json().get("size").asLong()).isEqualTo(DOCUMENT.length);
                server.kill();
            }

            try (ServerProcess again = ServerProcess.start(dir)) {
                ApiClient api = again.api(certificate);
                assertThat(api.get("/api/v1/me", token).status()).as("the session of the login").isEqualTo(200);
                JsonNode rest = api.get("/api/v1/contracts/" + restDraft, token).json();
                assertThat(rest.get("title").asText()).as("the draft created over REST").isEqualTo("REST で作った下書き");
                assertThat(api.get("/api/v1/contracts/" + applied.entityId(), token).status())
                        .as("the draft created by a sync command").isEqualTo(200);
                CommandResult repeated = push(api, token, List.of(pushed)).get(0);
                assertThat(repeated).as("the command is remembered: a repeat gets the first answer").isEqualTo(applied);
                JsonNode upload = api.get("/api/v1/sync/uploads/" + sha, token).json();
                assertThat(upload.get("size").asLong()).as("the acknowledged chunk").isEqualTo(DOCUMENT.length);
            }
        }
    }

    /**
     * Several clients push while the server is SIGKILLed three times; each client retries a batch whose
     * answer it did not get, as its outbox does, and forgets a batch once answered. Afterwards every
     * acknowledged command's draft is there, and every command made exactly one draft.
     */
    @Test
    void acknowledgedPushesSurviveRepeatedKillsUnderLoadEachAppliedOnce() throws Exception {
        int batches = 15;
        int batchSize = 10;
        try (TestServer setup = TestServer.start()) {
            TestServer.TestCompany a = setup.createCompany("連続停止建設株式会社");
            X509Certificate certificate = setup.server().tls().certificate();
            Path dir = setup.handOver();
            restartCleanly(dir);

            List<UserId> users = List.of(a.owner(), a.admin(), a.member(), a.member2());
            AtomicReference<ServerProcess> server = new AtomicReference<>(ServerProcess.start(dir));
            AtomicReference<ApiClient> api = new AtomicReference<>(server.get().api(certificate));
            AtomicInteger acknowledged = new AtomicInteger();
            Map<UserId, String> tokens = new HashMap<>();
            for (UserId u : users) {
                tokens.put(u, api.get().login(u.value(), TestServer.PASSWORD));
            }
            Map<UUID, String> drafts = new ConcurrentHashMap<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (UserId u : users) {
                Thread t = new Thread(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<Command> batch = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++) {
                            batch.add(Pushes.draft(u.value() + " の下書き " + b + "-" + i));
                        }
                        for (CommandResult r : Pushes.untilAnswered(api::get, tokens.get(u), batch)) {
                            assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.APPLIED);
                            drafts.put(r.id(), r.entityId());
                        }
                        acknowledged.addAndGet(batchSize);
                    }
                }, "client-" + u.value());
                t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
                clients.add(t);
                t.start();
            }
            int total = users.size() * batches * batchSize;
            for (int kill = 1; kill <= 3; kill++) {
                while (acknowledged.get() < total * kill / 4 && clients.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(5);
                }
                server.get().kill();
                server.set(ServerProcess.start(dir));
                api.set(server.get().api(certificate));
            }
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).as("what the clients were answered").isEmpty();

            try (ServerProcess last = server.get()) {
                last.kill();
            }
            try (ServerProcess again = ServerProcess.start(dir)) {
                ApiClient client = again.api(certificate);
                String owner = client.login(a.owner().value(), TestServer.PASSWORD);
                assertThat(drafts).hasSize(total);
                Set<String> stored = Pushes.contractIds(client, owner);
                assertThat(stored).as("every acknowledged command's draft").containsAll(drafts.values());
                assertThat(stored).as("one draft per command, none twice").hasSize(total);
            }
        }
    }

    /** Starts the server process on the folder and stops it with SIGTERM, as any restart does. */
    private static void restartCleanly(Path dir) {
        try (ServerProcess clean = ServerProcess.start(dir)) {
            assertThat(clean.output()).contains("listening");
        }
    }

    private static List<CommandResult> push(ApiClient api, String token, List<Command> batch) throws IOException {
        ApiClient.Response r = api.post("/api/v1/sync/commands", token, new PushRequest(batch));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return WireJson.create().readValue(r.bytes(), PushResponse.class).results();
    }

    private static Map<String, Object> draft(String title) {
        return Map.of("form", "BILATERAL", "title", title, "transactionDate", "2026-12-01", "amountYen", 500_000L,
                "counterparties", List.of(), "route", List.of());
    }
}
