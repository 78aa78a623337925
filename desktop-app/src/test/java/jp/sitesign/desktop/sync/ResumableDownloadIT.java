package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large PDF over a connection that breaks part-way (a relay on loopback that drops the TCP connection
 * after a number of bytes, TLS passing through it untouched): what arrived is kept, the next attempt asks
 * the server only for the rest, and the whole is accepted only when its SHA-256 matches.
 */
class ResumableDownloadIT {
    private static final int PDF_SIZE = 4 * 1024 * 1024;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static CuttingProxy proxy;
    static String contractId;
    static byte[] pdf;
    static String sha;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        String creator = server.api().login(a.member().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, server.api().login(a.admin().value(), TestServer.PASSWORD), "元請建設株式会社",
                a.member2());
        RestContracts rest = new RestContracts(server.api());
        pdf = RestContracts.largePdf(PDF_SIZE, 4);
        sha = Digests.sha256Hex(pdf);
        JsonNode k = rest.attach(creator, rest.draft(creator, "大判図面つきの注文書", b.id(), b.member(), List.of(),
                a.member2()), pdf);
        assertThat(k.get("mainDocument").asText()).isEqualTo(sha);
        contractId = k.get("id").asText();
        proxy = new CuttingProxy(server.port());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        server.close();
    }

    @Test
    void aDownloadCutHalfwayResumesWhereItStopped_andTheBlobVerifies() {
        assertThat(pdf.length).as("a few MB").isGreaterThan(3_000_000);
        ServerApi api = new ServerApi(URI.create("https://127.0.0.1:" + proxy.port()),
                server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
        try (StoreSession store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session()) {
            SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            List<SyncState> states = new CopyOnWriteArrayList<>();
            engine.addListener(states::add);
            engine.prefetchDocuments(false);
            engine.syncOnce();
            assertThat(store.contracts().current(contractId)).isPresent();
            assertThat(store.blobs().missing()).containsExactly(sha);

            proxy.cutAfter(PDF_SIZE / 3);
            assertThatThrownBy(() -> engine.fetch(contractId, sha)).isInstanceOf(OfflineException.class);
            long kept = store.blobs().received(sha);
            assertThat(proxy.cuts()).isPositive();
            assertThat(kept).as("what arrived before the cut is kept").isGreaterThan(0).isLessThan(pdf.length);
            assertThat(store.blobs().has(sha)).isFalse();
            assertThat(states).as("the transfer's progress was published").anySatisfy(s -> {
                assertThat(s.transferDone()).isBetween(1L, kept);
                assertThat(s.transferTotal()).isEqualTo(pdf.length);
            });

            proxy.stopCutting();
            long before = proxy.bytesFromServer();
            engine.prefetchDocuments(true);
            SyncEngine.Report r = engine.syncOnce();
            long secondTransfer = proxy.bytesFromServer() - before;

            assertThat(r.documents()).isEqualTo(1);
            byte[] stored = store.blobs().get(sha).orElseThrow();
            assertThat(Digests.sha256Hex(stored)).isEqualTo(sha);
            assertThat(stored).isEqualTo(pdf);
            assertThat(store.blobs().received(sha)).as("no pieces left over").isZero();
            assertThat(secondTransfer).as("only the rest came the second time (plus TLS and HTTP overhead)")
                    .isGreaterThanOrEqualTo(pdf.length - kept)
                    .isLessThan(pdf.length - kept + 64 * 1024);
            assertThat(states).anySatisfy(s -> assertThat(s.transferDone()).isGreaterThan(kept).isLessThanOrEqualTo(
                    pdf.length));
            assertThat(engine.state().transferDone()).as("no transfer after the sync").isZero();
            assertThat(engine.state().online()).isTrue();
        }
    }

    @Test
    void twoFetchesOfTheSameDocumentAtOnce_theBackgroundSyncAndTheUserOpeningIt_bothGetItWhole() throws Exception {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member().value(), TestServer.PASSWORD.toCharArray());
        try (StoreSession store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session()) {
            SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            engine.prefetchDocuments(false);
            engine.syncOnce();
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<byte[]> fetch = () -> {
                    go.await();
                    return engine.fetch(contractId, sha);
                };
                var first = two.submit(fetch);
                var second = two.submit(fetch);
                go.countDown();

                assertThat(first.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(pdf);
                assertThat(second.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(pdf);
            } finally {
                two.shutdownNow();
            }
            assertThat(store.blobs().get(sha)).get().isEqualTo(pdf);
            assertThat(store.blobs().received(sha)).as("no pieces left over").isZero();
        }
    }
}
