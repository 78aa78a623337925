package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background scheduler against the real server: a saved command goes out on its trigger, not at the
 * next interval (which is an hour here, so only the trigger can explain the sync); with the server down it
 * keeps retrying by itself and catches up once the server is back, without anyone triggering it.
 * The polling below only bounds how long a broken scheduler can hang the build; nothing asserts a duration.
 */
class SyncSchedulerIT {
    private static final Duration GUARD = Duration.ofSeconds(60);
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String adminToken;

    @TempDir
    Path home;
    StoreSession store;
    SyncEngine engine;
    SyncScheduler scheduler;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = TestServer.start(Map.of("port", Integer.toString(port)));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        adminToken = server.api().login(a.admin().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void login() {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
        store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(), login.companyId(),
                TestServer.PASSWORD.toCharArray()).session();
        engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
        scheduler = new SyncScheduler(engine, Duration.ofHours(1), Duration.ofSeconds(2));
    }

    @AfterEach
    void logout() {
        scheduler.close();
        store.close();
    }

    private String saveDraft(String title) {
        String id = UUID.randomUUID().toString();
        store.outbox().append(Command.createDraft(id, new ContractDraft(null, ContractForm.BILATERAL, null, title,
                LocalDate.of(2026, 10, 1), 1_100_000L, true, false, null, null, null,
                List.of(new ContractDraft.Counterparty(b.id().value(), b.member().value())), List.of(), null, null)));
        return id;
    }

    private static boolean onServer(String id) {
        return server.api().get("/api/v1/contracts/" + id, adminToken).status() == 200;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached within the guard of " + GUARD + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aTriggerAfterALocalCommandSyncsWithoutWaitingForTheInterval() throws InterruptedException {
        scheduler.start();
        await("the sync at start", () -> engine.state().lastSync() != null);
        String id = saveDraft("トリガーで送る下書き");
        assertThat(engine.state().pendingCommands()).as("nothing else will sync within the hour").isZero();

        scheduler.trigger();

        await("the draft on the server", () -> onServer(id));
        await("the engine's state after that sync", () -> engine.state().pendingCommands() == 0
                && store.contracts().current(id).map(k -> !k.localOnly()).orElse(false));
        assertThat(engine.state().online()).isTrue();
        assertThat(store.outbox().needingAttention()).isEmpty();
    }

    @Test
    void withTheServerDownItBacksOffAndCatchesUpByItselfWhenTheServerIsBack() throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        engine.addListener(s -> {
            if (!s.online() && !s.syncing() && s.lastErrorJa() != null) {
                failures.incrementAndGet();
            }
        });
        scheduler.start();
        await("the sync at start", () -> engine.state().lastSync() != null);

        server.server().close();
        String id;
        try {
            id = saveDraft("停電中に保存した下書き");
            scheduler.trigger();
            await("two failed attempts, the second one without a trigger", () -> failures.get() >= 2);
            assertThat(engine.state().online()).isFalse();
            assertThat(engine.state().lastErrorJa()).contains("接続");
            assertThat(store.outbox().pending()).hasSize(1);
        } finally {
            server.restart();
        }

        await("the draft on the server, with nobody triggering", () -> onServer(id));
        await("the engine online again", () -> engine.state().online() && engine.state().pendingCommands() == 0);
        assertThat(store.outbox().pending()).isEmpty();
        assertThat(store.contracts().current(id)).hasValueSatisfying(k -> assertThat(k.localOnly()).isFalse());
    }
}
