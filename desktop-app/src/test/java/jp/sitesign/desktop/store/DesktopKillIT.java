package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the app called saved survives its process being killed: a client process (after a clean restart of
 * its store) saves documents and outbox drafts in a loop and is SIGKILLed right after one was answered,
 * three times over; every document and command it reported saved is in the store afterwards, once, and
 * every server answer it reported recorded is recorded.
 */
class DesktopKillIT {
    private static final int SAVES_PER_RUN = 150;
    static TestServer server;
    static TestServer.TestCompany a;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("現場保存建設株式会社");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everythingReportedSavedIsInTheStoreAfterKills() throws Exception {
        Path pem = Files.writeString(home.resolve("server.pem"), TestCertificates.pem(server.server().tls()
                .certificate()));
        List<String[]> saved = new ArrayList<>();
        List<UUID> answered = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            saveUntilKilled(pem, saved, answered);
        }

        ServerApi.Login login = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls()
                .certificate()).login(a.member().value(), TestServer.PASSWORD.toCharArray());
        OnlineLogin opened = new LocalStores(home.resolve("data")).openOnline(server.server().baseUrl(),
                login.userId(), login.companyId(), TestServer.PASSWORD.toCharArray());
        assertThat(opened.kind()).as("the same store, not a new one").isEqualTo(OnlineLogin.Kind.OPENED);
        try (StoreSession store = opened.session()) {
            List<OutboxEntry> outbox = store.outbox().all();
            assertThat(outbox).extracting(e -> e.command().id()).as("every command reported saved, each once")
                    .doesNotHaveDuplicates().containsAll(saved.stream().map(s -> UUID.fromString(s[0])).toList());
            assertThat(outbox).filteredOn(e -> e.state() == OutboxState.APPLIED).extracting(e -> e.command().id())
                    .as("every answer reported recorded").containsAll(answered);
            assertThat(saved).as("every document reported saved").allSatisfy(s ->
                    assertThat(store.blobs().has(s[1])).as(s[1]).isTrue());
        }
    }

    /** Runs the client in its own JVM and SIGKILLs it right after its {@value #SAVES_PER_RUN}th save. */
    private void saveUntilKilled(Path pem, List<String[]> allSaved, List<UUID> answered)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxWritingClient.class.getName(), home.resolve("data").toString(), server.server().baseUrl(),
                pem.toString(), a.member().value()).redirectErrorStream(true);
        pb.environment().put("SITESIGN_TEST_PASSWORD", TestServer.PASSWORD);
        Process p = pb.start();
        List<String[]> saved = new ArrayList<>();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                said.add(line);
                if (line.startsWith("ANSWERED ")) {
                    answered.add(UUID.fromString(line.substring(9)));
                }
                if (line.startsWith("SAVED ")) {
                    saved.add(line.substring(6).split(" "));
                    if (saved.size() == SAVES_PER_RUN) {
                        p.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(saved).as("the client's output: %s", said).hasSize(SAVES_PER_RUN);
        allSaved.addAll(saved);
    }
}
