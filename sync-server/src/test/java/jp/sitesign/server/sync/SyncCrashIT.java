package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.companies.CompanyService;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.http.TlsIdentity;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.PostgresCluster;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The server process is SIGKILLed in the middle of a push of 1,000 commands and started again; the
 * client pushes everything again, as its outbox would: every command is applied exactly once.
 */
class SyncCrashIT {
    private static final int COMMANDS = 1000;
    private static final int BATCH = 100;

    @Test
    void aServerKilledMidPushAppliesEveryCommandExactlyOnceAfterTheRestart() throws Exception {
        Path dir = Files.createTempDirectory("sitesign-crash-");
        StringBuilder props = new StringBuilder("host=127.0.0.1\njobs.expiry-seconds=86400\n");
        if (TestServer.onPostgres()) {
            props.append("db.url=").append(PostgresCluster.get().newDatabase()).append("\ndb.user=postgres\n");
        }
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), props, StandardCharsets.UTF_8);
        UserId member;
        X509Certificate certificate;
        try (ServerContext ctx = new ServerContext(ServerConfig.load(dir, Map.of(), Map.of()), Clock.systemUTC())) {
            CompanyService.Created c = ctx.companies().create(new CompanyService.Registration("停電建設株式会社", "テイデン",
                    null, "東京都", "代表者", new UserProfile("責任者", "セキニンシャ", "o@example.invalid", "本社", "社長")));
            member = ctx.companies().addUser(c.companyId(), Role.MEMBER,
                    new UserProfile("現場 太郎", "ゲンバ タロウ", "m@example.invalid", "工事部", "所長"));
            ctx.auth().setPassword(member, TestServer.PASSWORD, false);
            certificate = TlsIdentity.load(ctx.config(), ctx.masterKey()).certificate();
        }
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            commands.add(Command.createDraft(UUID.randomUUID().toString(), new ContractDraft(null,
                    ContractForm.BILATERAL, null, "現場事務所 仮設工事 " + i, LocalDate.of(2026, 11, 1), 100_000L + i, true,
                    false, null, null, null, List.of(), List.of(), null, null)));
        }

        List<CommandResult> beforeKill = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> cut = new AtomicReference<>();
        try (ServerProcess first = ServerProcess.start(dir)) {
            ApiClient api = first.api(certificate);
            String token = api.login(member.value(), TestServer.PASSWORD);
            Thread pusher = new Thread(() -> {
                try {
                    for (int from = 0; from < COMMANDS; from += BATCH) {
                        beforeKill.addAll(push(api, token, commands.subList(from, from + BATCH)));
                    }
                } catch (RuntimeException e) {
                    cut.set(e);
                }
            });
            pusher.start();
            while (drafts(api, token) < COMMANDS / 4 && pusher.isAlive()) {
                Thread.onSpinWait();
            }
            first.kill();
            pusher.join();
        }
        assertThat(cut.get()).as("the push was cut by the kill, not finished before it").isNotNull();
        assertThat(beforeKill.size()).isLessThan(COMMANDS);

        try (ServerProcess second = ServerProcess.start(dir)) {
            ApiClient api = second.api(certificate);
            String token = api.login(member.value(), TestServer.PASSWORD);
            List<CommandResult> after = new ArrayList<>();
            for (int from = 0; from < COMMANDS; from += BATCH) {
                after.addAll(push(api, token, commands.subList(from, from + BATCH)));
            }

            assertThat(after).extracting(CommandResult::outcome).containsOnly(CommandOutcome.APPLIED);
            assertThat(after).extracting(CommandResult::revision).as("each created once, never edited")
                    .containsOnly(1L);
            assertThat(after.subList(0, beforeKill.size())).as("a repeat answers the first result")
                    .isEqualTo(beforeKill);
            assertThat(drafts(api, token)).isEqualTo(COMMANDS);
        } finally {
            deleteTree(dir);
        }
    }

    private static List<CommandResult> push(ApiClient api, String token, List<Command> batch) {
        ApiClient.Response r = api.post("/api/v1/sync/commands", token, new PushRequest(batch));
        if (r.status() != 200) {
            throw new IllegalStateException(r.toString());
        }
        try {
            return WireJson.create().readValue(r.bytes(), PushResponse.class).results();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int drafts(ApiClient api, String token) {
        return api.get("/api/v1/contracts?limit=1", token).json().get("total").asInt();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
