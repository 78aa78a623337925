package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.Pushes;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL, each with its own data folder (the same master key and TLS key),
 * and 16 clients sending every request to the next of the two, as a round-robin balancer does. One server
 * is SIGKILLed midway; the clients carry on through the other. Every command is applied exactly once, and
 * every client's view built from the change feed — pulled from both servers while commits raced on both —
 * ends equal to what the server lists.
 */
class ScaleOutIT {
    private static final int CLIENTS = 16;
    private static final int BATCHES = 6;
    private static final int BATCH_SIZE = 5;

    @Test
    void sixteenClientsOnTwoServersLoseAndDoubleNothingWhenOneIsKilled(@TempDir Path second) throws Exception {
        Assumptions.assumeTrue(TestServer.onPostgres(), "several servers share PostgreSQL; the embedded H2 serves one");
        try (TestServer setup = TestServer.start()) {
            TestServer.TestCompany co = setup.createCompany("分散建設株式会社");
            X509Certificate certificate = setup.server().tls().certificate();
            Path first = setup.handOver();
            copyDataFolder(first, second);
            ServerProcess a = ServerProcess.start(first);
            ServerProcess b = ServerProcess.start(second);
            try (a; b) {
                List<ApiClient> servers = List.of(a.api(certificate), b.api(certificate));
                List<UserId> users = List.of(co.owner(), co.admin(), co.member(), co.member2());
                int total = CLIENTS * BATCHES * BATCH_SIZE;
                AtomicInteger acknowledged = new AtomicInteger();
                Map<String, String> drafts = new ConcurrentHashMap<>();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                List<Client> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    Client c = new Client(servers, users.get(i % users.size()).value());
                    clients.add(c);
                    c.thread = new Thread(() -> {
                        for (int n = 0; n < BATCHES; n++) {
                            List<Command> batch = new ArrayList<>();
                            for (int k = 0; k < BATCH_SIZE; k++) {
                                batch.add(Pushes.draft(c.user + " の下書き " + n + "-" + k));
                            }
                            for (CommandResult r : Pushes.untilAnswered(c::next, c.token, batch)) {
                                assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.APPLIED);
                                drafts.put(r.id().toString(), r.entityId());
                            }
                            acknowledged.addAndGet(BATCH_SIZE);
                            c.pull();
                        }
                    }, "client-" + i);
                    c.thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
                }
                clients.forEach(c -> c.thread.start());
                while (acknowledged.get() < total / 3 && clients.stream().anyMatch(c -> c.thread.isAlive())) {
                    Thread.sleep(5);
                }
                b.kill();
                for (Client c : clients) {
                    c.thread.join();
                }

                assertThat(failures).as("what the clients were answered").isEmpty();
                assertThat(drafts).hasSize(total);
                ApiClient survivor = servers.get(0);
                Set<String> stored = Pushes.contractIds(survivor, survivor.login(co.owner().value(), TestServer.PASSWORD));
                assertThat(stored).as("every acknowledged command's draft, none twice").containsAll(drafts.values())
                        .hasSize(total);
                for (Client c : clients) {
                    c.pull();
                    assertThat(c.contracts).as(c.user + "'s store from the feed").isEqualTo(
                            Pushes.contractIds(survivor, c.token));
                }
            }
        }
    }

    /** One desktop client: its session (valid on every server), its feed checkpoint and what the feed told it. */
    private static final class Client {
        final List<ApiClient> servers;
        final String user;
        final String token;
        final Set<String> contracts = new HashSet<>();
        long checkpoint;
        int requests;
        Thread thread;

        Client(List<ApiClient> servers, String user) {
            this.servers = servers;
            this.user = user;
            this.token = servers.get(0).login(user, TestServer.PASSWORD);
        }

        /** The next server in turn: requests alternate between the two. */
        ApiClient next() {
            return servers.get(requests++ % servers.size());
        }

        /** Pulls the feed to its end from whichever servers answer. */
        void pull() {
            boolean more = true;
            while (more) {
                ApiClient.Response r;
                try {
                    r = next().get("/api/v1/sync/changes?since=" + checkpoint, token);
                } catch (UncheckedIOException e) {
                    continue; // the killed server: the next request goes to the other
                }
                if (r.status() >= 500) {
                    continue;
                }
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                JsonNode page = r.json();
                assertThat(page.get("reset").asBoolean()).isFalse();
                for (JsonNode change : page.get("changes")) {
                    if ("CONTRACT".equals(change.get("type").asText())) {
                        if (change.get("removed").asBoolean()) {
                            contracts.remove(change.get("id").asText());
                        } else {
                            contracts.add(change.get("id").asText());
                        }
                    }
                }
                long next = page.get("checkpoint").asLong();
                assertThat(next).as("the checkpoint never goes back").isGreaterThanOrEqualTo(checkpoint);
                checkpoint = next;
                more = page.get("more").asBoolean();
            }
        }
    }

    /** A second server's data folder: the first's keys and settings, none of its process's own files. */
    private static void copyDataFolder(Path from, Path to) throws IOException {
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
