package jp.sitesign.desktop.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/sync.sh): the sync engine against the real server on loopback (HTTPS, the
 * embedded encrypted H2) with a real encrypted local store. The server is seeded through its repository
 * (change-feed rows included); the client is one user's store, logged in once (PBKDF2 is not in the loop).
 *
 * <ol>
 *   <li>first sync of N contracts, metadata only (prefetchDocuments off);</li>
 *   <li>a sync with nothing to do with N and with {@code big} contracts stored locally (warm, median of 21);</li>
 *   <li>push of 1,000 commands (new drafts), until the server has answered the last one.</li>
 * </ol>
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int big = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int commands = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.printf("load average at start: %s%n", loadAverage());
        Path home = Files.createTempDirectory("sitesign-sync-bench");
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("元請建設株式会社");
            TestServer.TestCompany b = server.createCompany("協力工業株式会社");
            ContractSeeder seeder = new ContractSeeder(server.context());
            long t = System.nanoTime();
            seeder.drafts(n, "S", a.id(), a.member(), a.member2(), List.of(b.id()), List.of(b.member()),
                    new Random(7));
            System.out.printf("server seeded with %,d contracts in %.1f s%n", n, seconds(t));

            ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
            ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
            try (StoreSession store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(),
                    login.companyId(), TestServer.PASSWORD.toCharArray()).session()) {
                SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
                engine.prefetchDocuments(false);

                t = System.nanoTime();
                SyncEngine.Report first = engine.syncOnce();
                System.out.printf("first sync, metadata only: %,d changes in %.2f s%n", first.changes(), seconds(t));
                t = System.nanoTime();
                long since = 0;
                jp.sitesign.model.sync.ChangePage page;
                do {
                    page = api.pull(login.token(), since, SyncEngine.PAGE);
                    since = page.checkpoint();
                } while (page.more());
                System.out.printf("  of which the same pages pulled without applying them (HTTPS + server): %.2f s%n",
                        seconds(t));

                idle(engine, n, api, login.token(), store);

                t = System.nanoTime();
                seeder.drafts(big - n, "T", a.id(), a.member(), a.member2(), List.of(b.id()), List.of(b.member()),
                        new Random(8));
                System.out.printf("server seeded with %,d more in %.1f s%n", big - n, seconds(t));
                t = System.nanoTime();
                SyncEngine.Report more = engine.syncOnce();
                System.out.printf("catching up: %,d changes in %.2f s%n", more.changes(), seconds(t));

                idle(engine, big, api, login.token(), store);
                push(engine, store, b, commands);
            }
        } finally {
            System.out.printf("load average at end: %s%n", loadAverage());
        }
    }

    /** A sync with nothing to push or pull, warm (5 discarded), median and p90 of 21. */
    private static void idle(SyncEngine engine, int stored, ServerApi api, String token, StoreSession store) {
        for (int i = 0; i < 5; i++) {
            engine.syncOnce();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t = System.nanoTime();
            SyncEngine.Report r = engine.syncOnce();
            nanos.add(System.nanoTime() - t);
            if (r.changes() != 0 || r.pushed() != 0) {
                throw new IllegalStateException("not an idle sync: " + r);
            }
        }
        Collections.sort(nanos);
        System.out.printf("sync with nothing to do, %,d contracts stored: median %.1f ms, p90 %.1f ms%n", stored,
                nanos.get(10) / 1e6, nanos.get(18) / 1e6);
        // Of which: the empty pull's HTTPS round trip and the server's answer alone.
        long checkpoint = store.checkpoint();
        List<Long> pulls = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t = System.nanoTime();
            api.pull(token, checkpoint, SyncEngine.PAGE);
            pulls.add(System.nanoTime() - t);
        }
        Collections.sort(pulls);
        System.out.printf("  of which the empty pull (HTTPS + server): median %.1f ms%n", pulls.get(10) / 1e6);
    }

    /** Queues new drafts, then one sync; the push ends when the state first shows no pending command. */
    private static void push(SyncEngine engine, StoreSession store, TestServer.TestCompany b, int count) {
        for (int i = 0; i < count; i++) {
            store.outbox().append(Command.createDraft(UUID.randomUUID().toString(), new ContractDraft(null,
                    ContractForm.BILATERAL, null, "現場で作成した下書き " + i, LocalDate.of(2026, 10, 1), 1_100_000L, true,
                    false, null, null, null, List.of(new ContractDraft.Counterparty(b.id().value(),
                            b.member().value())), List.of(), null, null)));
        }
        AtomicLong pushedAt = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        engine.addListener(s -> {
            if (s.pendingCommands() > 0) {
                started.set(true);
            } else if (started.get() && pushedAt.get() == 0) {
                pushedAt.set(System.nanoTime());
            }
        });
        long t = System.nanoTime();
        SyncEngine.Report r = engine.syncOnce();
        long end = System.nanoTime();
        System.out.printf("push of %,d commands (%,d applied): %.2f s; the whole sync incl. pulling them back %.2f s%n",
                r.pushed(), r.applied(), (pushedAt.get() - t) / 1e9, (end - t) / 1e9);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
