package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OnlineLogin;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client process is killed (SIGKILL) while it applies a page of the change feed: because a page and
 * its checkpoint are committed in one local transaction, the store it leaves holds exactly the pages before
 * that checkpoint, and the next sync brings every contract once, none twice and none missing.
 */
class ClientCrashIT {
    /** More than three pages of the feed. */
    private static final int CONTRACTS = 3 * SyncEngine.PAGE + 100;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        TestCertificates.grant(server, server.api().login(a.admin().value(), TestServer.PASSWORD), "元請建設株式会社",
                a.member2());
        new ContractSeeder(server.context()).drafts(CONTRACTS, "K", a.id(), a.member(), a.member2(), List.of(b.id()),
                List.of(b.member()), new Random(11));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void killedWhileApplyingAPage_theStoreKeepsWholePagesOnly_andTheNextSyncBringsEveryContractOnce()
            throws Exception {
        Path pem = Files.writeString(home.resolve("server.pem"), TestCertificates.pem(server.server().tls()
                .certificate()));
        List<String> said = runAndKillWhileApplyingPage(2, pem);
        assertThat(said).as("it applied the first page").anyMatch(l -> l.startsWith("APPLIED 1 "));
        assertThat(said).as("and was killed before it finished").noneMatch(l -> l.startsWith("DONE"));

        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
        OnlineLogin opened = new LocalStores(home.resolve("data")).openOnline(server.server().baseUrl(),
                login.userId(), login.companyId(), TestServer.PASSWORD.toCharArray());
        assertThat(opened.kind()).as("the same store, not a new one").isEqualTo(OnlineLogin.Kind.OPENED);
        try (StoreSession store = opened.session()) {
            long checkpoint = store.checkpoint();
            assertThat(checkpoint).as("at least the first page's checkpoint was stored").isPositive();
            assertThat(localIds(store)).as("exactly the contracts up to the stored checkpoint, no half page")
                    .containsExactlyInAnyOrderElementsOf(serverIds("AND s.seq <= " + checkpoint));

            SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            engine.prefetchDocuments(false);
            engine.syncOnce();

            List<String> ids = localIds(store);
            assertThat(ids).hasSize(CONTRACTS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(serverIds(""));
            assertThat(store.checkpoint()).as("the server's latest change for this user").isEqualTo(latestSeq());
            assertThat(engine.syncOnce().changes()).as("nothing left to pull").isZero();
        }
    }

    @Test
    void aFirstSyncOfManyPagesTellsEachPageOnceItIsCommitted_withHowManyTheServerHolds() {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
        try (StoreSession store = new LocalStores(home.resolve("progress")).openOnline(server.server().baseUrl(),
                login.userId(), login.companyId(), TestServer.PASSWORD.toCharArray()).session()) {
            SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            engine.prefetchDocuments(false);
            List<SyncEngine.PullProgress> told = new ArrayList<>();
            List<Integer> stored = new ArrayList<>();
            engine.addProgressListener(p -> {
                told.add(p);
                stored.add(store.contracts().search(ContractQuery.all(1)).total());
            });
            engine.syncOnce();

            assertThat(told).as("one per page of the feed (%d contracts, 500 a page)", CONTRACTS).hasSize(4);
            assertThat(told.get(0).contracts()).as("the first page").isBetween(1, SyncEngine.PAGE);
            assertThat(told).extracting(SyncEngine.PullProgress::expected).containsOnly(CONTRACTS);
            assertThat(told).extracting(SyncEngine.PullProgress::contracts).isSorted();
            assertThat(told).extracting(SyncEngine.PullProgress::done).containsExactly(false, false, false, true);
            assertThat(told.get(3).contracts()).isEqualTo(CONTRACTS);
            assertThat(stored).as("what the store shows when told: the pages so far, committed")
                    .containsExactlyElementsOf(told.stream().map(SyncEngine.PullProgress::contracts).toList());

            told.clear();
            engine.syncOnce();
            assertThat(told).as("a sync of less than a page says nothing").isEmpty();
        }
    }

    /** Runs the client in its own JVM and SIGKILLs it as soon as it says it started applying page {@code n}. */
    private List<String> runAndKillWhileApplyingPage(int n, Path pem) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PagePrintingClient.class.getName(), home.resolve("data").toString(), server.server().baseUrl(),
                pem.toString(), a.member().value()).redirectErrorStream(true);
        pb.environment().put("SITESIGN_TEST_PASSWORD", TestServer.PASSWORD);
        Process p = pb.start();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                said.add(line);
                if (line.startsWith("APPLYING " + n + " ")) {
                    p.destroyForcibly();
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(said).as("the client's output").anyMatch(l -> l.startsWith("APPLYING " + n + " "));
        return said;
    }

    private static List<String> localIds(StoreSession store) {
        return store.contracts().search(ContractQuery.all(Integer.MAX_VALUE)).items().stream()
                .map(LocalContract::current).map(k -> k.id()).toList();
    }

    /** The ids of the company's contracts in the server's feed, optionally limited by a condition on seq. */
    private static Set<String> serverIds(String condition) {
        return server.context().db().read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.entity_id FROM sync_changes s WHERE"
                    + " s.entity_type = 'CONTRACT' AND s.audience = ? AND NOT s.removed " + condition)) {
                ps.setString(1, a.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static long latestSeq() {
        return server.context().db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(seq) FROM sync_changes WHERE audience IN (?, ?, '*')")) {
                ps.setString(1, a.id().value());
                ps.setString(2, a.member().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
