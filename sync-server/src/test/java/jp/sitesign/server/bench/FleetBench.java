package jp.sitesign.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.Pushes;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/fleet.sh): a fleet of simulated desktop clients against one server on the embedded
 * H2, or against several servers on one PostgreSQL with each client's requests going round-robin (as behind a
 * load balancer). Every server is the real {@code serve} command in a process of its own. Each client logs in
 * once, then every INTERVAL pulls the feed to its end (an idle sync is one request) and on every PUSH_EVERY-th sync
 * first pushes one command (a new draft). Clients start spread over the first interval. An INTERVAL of 0 makes
 * every client sync back to back: the servers' capacity rather than a day's load. Latencies are reported for all
 * requests and for logins, pushes and pulls apart: a login hashes the password on purpose and is rare, so it must
 * not hide (or be hidden by) the sync requests a fleet makes all day.
 *
 * <p>Usage: {@code FleetBench [CLIENTS] [SECONDS] [INTERVAL_MS] [PUSH_EVERY] [SERVERS]} (defaults 200 60 30000 6 1).
 * More than one server needs {@code -Dsitesign.test.db=postgres} (a throwaway cluster is started).
 */
public final class FleetBench {
    private static final int USERS_PER_COMPANY = 20;
    /** Logins answered "busy" and retried (the login throttle of issue 10 at work), over all clients. */
    private static final AtomicInteger BUSY = new AtomicInteger();

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = arg(args, 0, 200);
        int seconds = arg(args, 1, 60);
        int intervalMs = arg(args, 2, 30_000);
        int pushEvery = arg(args, 3, 6);
        int serverCount = arg(args, 4, 1);
        if (serverCount > 1 && !TestServer.onPostgres()) {
            throw new IllegalArgumentException("several servers share PostgreSQL: run with -Dsitesign.test.db=postgres");
        }
        List<Path> folders = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<ServerProcess> processes = new ArrayList<>();
        // Kept open to the end: closing it deletes the data folder the first server process runs on.
        try (TestServer setup = TestServer.start()) {
            for (int c = 0; users.size() < clients; c++) {
                TestServer.TestCompany co = setup.createCompany("負荷試験建設" + c + "株式会社");
                for (int u = 0; u < USERS_PER_COMPANY && users.size() < clients; u++) {
                    UserId id = setup.context().companies().addUser(co.id(), Role.MEMBER,
                            new UserProfile("負荷 利用者" + u, "フカ", "fleet@example.invalid", "工事部", "主任"));
                    setup.context().auth().setPassword(id, TestServer.PASSWORD, false);
                    users.add(id.value());
                }
            }
            X509Certificate certificate = setup.server().tls().certificate();
            folders.add(setup.handOver());
            for (int s = 1; s < serverCount; s++) {
                Path copy = Files.createTempDirectory("sitesign-fleet-");
                copyFolder(folders.get(0), copy);
                folders.add(copy);
            }
            try {
                for (Path folder : folders) {
                    processes.add(ServerProcess.start(folder));
                }
                List<ApiClient> servers = processes.stream().map(p -> p.api(certificate)).toList();
                System.out.printf("%d clients, %d s, sync every %d ms, a push every %d syncs, %d server(s) on %s; load %s%n",
                        clients, seconds, intervalMs, pushEvery, serverCount, TestServer.backend(), loadAverage());
                Result result = run(servers, users, seconds, intervalMs, pushEvery);
                System.out.println(result);
                System.out.printf("load average at end: %s%n", loadAverage());
            } finally {
                processes.forEach(ServerProcess::close);
                for (Path copy : folders.subList(1, folders.size())) {
                    try (Stream<Path> files = Files.walk(copy)) {
                        files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
        System.exit(0);
    }

    private static Result run(List<ApiClient> servers, List<String> users, int seconds, int intervalMs, int pushEvery)
            throws InterruptedException {
        EnumMap<Kind, ConcurrentLinkedQueue<Long>> nanos = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            nanos.put(kind, new ConcurrentLinkedQueue<>());
        }
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime() + 2_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            long offset = intervalMs == 0 ? 0 : (long) intervalMs * 1_000_000L * i / users.size();
            Client client = new Client(servers, users.get(i), i, nanos, errors);
            Thread t = new Thread(() -> client.run(start + offset, end, intervalMs * 1_000_000L, pushEvery),
                    "client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("logins retried after a busy answer: " + BUSY.get());
        List<Long> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Long> sorted = new ArrayList<>(nanos.get(kind));
            Collections.sort(sorted);
            all.addAll(sorted);
            System.out.printf("  %-6s %,7d requests, p50 %.1f ms, p99 %.1f ms, max %.0f ms%n", kind.name().toLowerCase(),
                    sorted.size(), ms(sorted, 0.5), ms(sorted, 0.99), ms(sorted, 1.0));
        }
        Collections.sort(all);
        return new Result(all.size(), errors.get(), seconds, ms(all, 0.5), ms(all, 0.99), ms(all, 1.0));
    }

    /** What a request was for, so that each kind's latency is reported on its own. */
    private enum Kind {
        LOGIN, PUSH, PULL
    }

    /** One desktop app: its session, its feed checkpoint, its turn in the round-robin. */
    private static final class Client {
        private final List<ApiClient> servers;
        private final String user;
        private final EnumMap<Kind, ConcurrentLinkedQueue<Long>> nanos;
        private final AtomicInteger errors;
        private int turn;
        private long checkpoint;
        private String token;

        Client(List<ApiClient> servers, String user, int index, EnumMap<Kind, ConcurrentLinkedQueue<Long>> nanos,
                AtomicInteger errors) {
            this.servers = servers;
            this.user = user;
            this.turn = index;
            this.nanos = nanos;
            this.errors = errors;
        }

        void run(long firstSync, long end, long interval, int pushEvery) {
            // Logins spread like the syncs (a fleet does not log in in one instant); a busy answer is retried
            // after a second, as the app does, and only a login that never succeeds counts as an error.
            sleepUntil(firstSync);
            for (int attempt = 0; token == null && attempt < 10; attempt++) {
                token = timed(Kind.LOGIN, () -> next().login(user, TestServer.PASSWORD), attempt < 9);
                if (token == null) {
                    sleepUntil(System.nanoTime() + 1_000_000_000L);
                }
            }
            if (token == null) {
                return;
            }
            for (long k = 0, at = firstSync; at < end; k++, at = firstSync + k * interval) {
                sleepUntil(at);
                if (System.nanoTime() >= end) {
                    break;
                }
                if (k % pushEvery == 0) {
                    PushRequest push = new PushRequest(List.of(Pushes.draft(user + " の下書き " + k)));
                    ApiClient.Response pushed = timed(Kind.PUSH, () -> next().post("/api/v1/sync/commands", token, push));
                    count(pushed);
                }
                boolean more = true;
                while (more) {
                    ApiClient.Response page = timed(Kind.PULL, () -> next().get("/api/v1/sync/changes?since=" + checkpoint, token));
                    if (!count(page)) {
                        break;
                    }
                    JsonNode json = page.json();
                    checkpoint = json.get("checkpoint").asLong();
                    more = json.get("more").asBoolean();
                }
            }
        }

        private ApiClient next() {
            return servers.get(turn++ % servers.size());
        }

        /** False (and counted, unless the request already failed and was counted) for anything but 200. */
        private boolean count(ApiClient.Response r) {
            if (r == null) {
                return false;
            }
            if (r.status() != 200) {
                if (errors.incrementAndGet() == 1) {
                    System.out.println("first error: " + r);
                }
                return false;
            }
            return true;
        }

        private <T> T timed(Kind kind, java.util.function.Supplier<T> request) {
            return timed(kind, request, false);
        }

        /** The request's result, or null when it failed (counted as an error unless it will be retried). */
        private <T> T timed(Kind kind, java.util.function.Supplier<T> request, boolean retried) {
            long t0 = System.nanoTime();
            try {
                return request.get();
            } catch (RuntimeException | AssertionError e) {
                if (retried) {
                    BUSY.incrementAndGet();
                    return null;
                }
                if (errors.incrementAndGet() == 1) {
                    System.out.println("first error: " + e);
                }
                return null;
            } finally {
                nanos.get(kind).add(System.nanoTime() - t0);
            }
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The requests of one run over all clients. */
    record Result(int requests, int errors, int seconds, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format("%,d requests, %.1f requests/s, %d errors, p50 %.1f ms, p99 %.1f ms, max %.0f ms",
                    requests, requests / (double) seconds, errors, p50, p99, max);
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** The data folder for another server on the same database: its keys and settings, not its lock or socket. */
    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && !name.equals("serve.lock") && !name.equals("operator.sock")) {
                    Files.copy(f, to.resolve(name));
                }
            }
        }
    }
}
