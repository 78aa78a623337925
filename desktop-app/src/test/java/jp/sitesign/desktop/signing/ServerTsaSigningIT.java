package jp.sitesign.desktop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.sync.PinnedTrust;
import jp.sitesign.desktop.tools.DemoServer;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestTsa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made in the app are B-T out of the box: with no TSA in the user's settings the signing dialog
 * timestamps with the server's (in demo mode the DEMO TSA, served over the server's own pinned, self-signed
 * TLS), and the server accepts the result. A TSA at any other address gets no such trust.
 */
class ServerTsaSigningIT {
    static DemoServer demo;
    static String base;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        demo = DemoServer.start();
        base = demo.server().server().baseUrl();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static DesktopSession login(DemoServer.Login who) {
        return DesktopSession.login(new LocalStores(home.resolve(who.userId())), URI.create(base),
                demo.server().server().tls().certificate(), who.userId(), who.password().toCharArray(),
                Clock.systemUTC());
    }

    private static SigningViewModel dialog(DesktopSession session, String contractId, URI tsaUrl,
            DemoServer.Login signer) {
        SigningViewModel vm = new SigningViewModel(session.signing(), contractId, List.of(), tsaUrl,
                session.serverOrigin(), "Linux", Runnable::run, Runnable::run, Clock.systemUTC(), Language.EN,
                I18n.bundle(Language.EN), null);
        vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
        vm.pkcs12FileProperty().set(signer.p12());
        vm.keyAliasProperty().set(demo.keyAlias());
        return vm;
    }

    private static String contractId(String number, String token) {
        return demo.server().api().get("/api/v1/contracts?number=" + number, token).json().get("items").get(0)
                .get("id").asText();
    }

    private static DemoServer.Awaiting awaitingWithKey(int which) {
        return demo.awaiting().stream().filter(a -> demo.login(a.userId()).signs()).skip(which).findFirst()
                .orElseThrow(() -> new AssertionError("the demo printout names too few signers:\n"
                        + demo.credentials()));
    }

    @Test
    void withNoTsaInTheSettingsTheAppSignsBtWithTheServersDemoTsaOverItsPinnedTlsAndTheServerAcceptsIt() {
        DemoServer.Awaiting awaiting = awaitingWithKey(0);
        DemoServer.Login signer = demo.login(awaiting.userId());
        String token = demo.server().api().login(signer.userId(), signer.password());
        String id = contractId(awaiting.number(), token);
        int party = "発注者".equals(signer.side()) ? 0 : 1;
        try (DesktopSession session = login(signer)) {
            assertThat(session.serverTsaUrl()).isEqualTo(URI.create(base + "/demo-tsa"));
            // The session syncs by itself (its scheduler): wait for the contract to arrive.
            waitUntil(() -> session.store().contracts().current(id).isPresent());
            SigningViewModel vm = dialog(session, id, session.serverTsaUrl(), signer);
            assertThat(vm.levels()).contains(SignatureLevel.B_T);
            assertThat(vm.levelProperty().get()).as("B-T is the default with a TSA").isEqualTo(SignatureLevel.B_T);

            ContractSigning.Signed signed = vm.sign(signer.pin().toCharArray()).join();

            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(signed.signature().valid()).isTrue();
            assertThat(signed.signature().timestamp()).as("a signature timestamp (B-T)").isNotNull();
            assertThat(signed.signature().timestamp().provesTime()).isTrue();
            session.commandSaved();
            waitUntil(() -> !session.store().outbox().needingAttention().isEmpty() || demo.server().api()
                    .get("/api/v1/contracts/" + id, token).json().get("parties").get(party).get("signed").asBoolean());
            assertThat(session.store().outbox().needingAttention()).as("the server refused nothing").isEmpty();
        }
        assertThat(demo.server().api().get("/api/v1/contracts/" + id, token).json().get("parties").get(party)
                .get("signed").asBoolean()).as("the server accepted the B-T signature").isTrue();
    }

    /** Polls until {@code done}; the deadline only keeps a broken build from hanging. */
    private static void waitUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aTsaOnAnotherOriginIsReachedWithTheDefaultClientNotThePinnedServerTrust() throws Exception {
        PinnedTrust.Origin server = new PinnedTrust.Origin(URI.create(base),
                demo.server().server().tls().certificate());
        URI elsewhere = URI.create(base.replace("127.0.0.1", "localhost") + "/demo-tsa");
        assertThat(server.serves(URI.create(base + "/demo-tsa"))).isTrue();
        assertThat(server.serves(elsewhere)).isFalse();
        byte[] digest = new byte[32];

        // The same DEMO TSA under another host name is another origin: the JDK's default trust refuses its
        // self-signed certificate, so the pinned trust is not lent to it.
        DemoServer.Login nobody = demo.person("受注者", "一般");
        try (DesktopSession session = login(nobody)) {
            SigningViewModel vm = dialog(session, "unused", elsewhere, nobody);
            assertThatThrownBy(() -> vm.timestamps().timestamp(DigestAlgorithm.SHA256, digest)).isNotNull();
            // The server's own address gets the pinned trust and a token back.
            SigningViewModel atServer = dialog(session, "unused", URI.create(base + "/demo-tsa"), nobody);
            assertThat(atServer.timestamps().timestamp(DigestAlgorithm.SHA256, digest)).isNotNull();
        }
        // A TSA elsewhere with no TLS to pin is reached with the default client.
        try (TestCa ca = TestCa.create("Another TSA's CA"); TestTsa tsa = TestTsa.start(ca)) {
            assertThat(server.serves(tsa.url())).isFalse();
            try (DesktopSession session = login(nobody)) {
                assertThat(dialog(session, "unused", tsa.url(), nobody).timestamps()
                        .timestamp(DigestAlgorithm.SHA256, digest)).isNotNull();
            }
        }
    }
}
