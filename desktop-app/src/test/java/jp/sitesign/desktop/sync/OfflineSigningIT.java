package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signer signs on their laptop with a hardware token (SoftHSM2 through PKCS#11), without the server; the
 * signed version goes out with the next sync. The server verifies it like any upload. A signature made on a
 * version that is no longer the current one comes back as "sign again" with the current version, and stays
 * in the outbox for the user to see.
 */
class OfflineSigningIT {
    /** The token's certificates say O=SiteSign Test; the server accepts only a company's own certificates. */
    private static final String COMPANY = "SiteSign Test";
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static Path keys;
    static String creator;
    static String signerToken;
    static RestContracts rest;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        SoftHsmToken token = SoftHsmToken.shared();
        keys = Files.createTempDirectory("sitesign-anchors-");
        Path anchor = TestCa.writePem(keys.resolve("token-ca.pem"), token.ca().root());
        server = TestServer.start(Map.of("trust.anchors", anchor.toString()));
        a = server.createCompany(COMPANY);
        b = server.createCompany("協力工業株式会社");
        String admin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        TestCertificates.bind(server.api(), admin, TestCertificates.register(server.api(), admin,
                token.certificate(SoftHsmToken.RSA_ALIAS)), a.member2());
        TestCertificates.grant(server, server.api().login(b.admin().value(), TestServer.PASSWORD), "協力工業株式会社",
                b.member2());
        creator = server.api().login(a.member().value(), TestServer.PASSWORD);
        signerToken = server.api().login(a.member2().value(), TestServer.PASSWORD);
        rest = new RestContracts(server.api());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(keys.resolve("token-ca.pem"));
        Files.deleteIfExists(keys);
    }

    private JsonNode awaitingSignature(String title) {
        JsonNode k = rest.draft(creator, title, b.id(), b.member(), List.of(), a.member2());
        k = rest.attach(creator, k, TestPdfs.multiPage(2));
        k = rest.act(creator, k, "submit");
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        return k;
    }

    /** The signer's laptop: its own store, its engine, logged in once while online. */
    private record Laptop(StoreSession store, SyncEngine engine) implements AutoCloseable {
        LocalContract contract(String id) {
            return store.contracts().current(id).orElseThrow();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private Laptop laptop() {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member2().value(), TestServer.PASSWORD.toCharArray());
        StoreSession store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session();
        return new Laptop(store, new SyncEngine(api, store, login.token(), Clock.systemUTC()));
    }

    /** Signs with the token's RSA key, as the signing dialog does after asking for the PIN (B-B: no TSA offline). */
    private static byte[] signWithToken(byte[] pdf) throws Exception {
        return new PadesSigner(Clock.systemUTC()).sign(pdf,
                Pkcs11Module.forLibrary(SoftHsmToken.MODULE).token(SoftHsmToken.LABEL),
                what -> SoftHsmToken.PIN.toCharArray(), SignatureRequest.basic(SoftHsmToken.RSA_ALIAS));
    }

    /** What the signing dialog stores and queues: the signed PDF as a blob and a SIGN command on its base. */
    private static String signOffline(Laptop laptop, String id) throws Exception {
        LocalContract k = laptop.contract(id);
        String base = k.current().mainDocument();
        byte[] signed = signWithToken(laptop.store().blobs().get(base).orElseThrow());
        String signedSha = laptop.store().blobs().put(signed);
        laptop.store().outbox().append(Command.sign(id, k.current().revision(), signedSha, base));
        return signedSha;
    }

    @Test
    void aSignatureMadeOfflineWithAHardwareTokenIsAcceptedAtTheNextSync() throws Exception {
        JsonNode k = awaitingSignature("現場事務所 新築工事 注文書");
        String id = k.get("id").asText();
        try (Laptop laptop = laptop()) {
            laptop.engine().syncOnce();
            assertThat(laptop.store().blobs().has(k.get("mainDocument").asText())).as("the PDF is on the laptop")
                    .isTrue();

            String signedSha = signOffline(laptop, id);
            SyncEngine.Report r = laptop.engine().syncOnce();

            assertThat(r.applied()).isEqualTo(1);
            JsonNode onServer = server.api().get("/api/v1/contracts/" + id, signerToken).json();
            assertThat(onServer.get("mainDocument").asText()).as("the laptop's signed version is the current one")
                    .isEqualTo(signedSha);
            assertThat(onServer.get("status").asText()).as("it moved on to the counterparty").isEqualTo("IN_APPROVAL");
            assertThat(onServer.get("currentParty").asInt()).isEqualTo(1);
            assertThat(laptop.contract(id).current().mainDocument()).isEqualTo(signedSha);
            assertThat(laptop.contract(id).current().parties().get(0).signed()).isTrue();
            assertThat(laptop.store().outbox().needingAttention()).isEmpty();
            assertThat(laptop.engine().state().pendingCommands()).isZero();
        }
    }

    @Test
    void aSignatureMadeOfflineOnAVersionThatChangedMeanwhileComesBackAsSignAgain_withTheNewVersion()
            throws Exception {
        JsonNode k = awaitingSignature("仮設事務所 解体工事 注文書");
        String id = k.get("id").asText();
        try (Laptop laptop = laptop()) {
            laptop.engine().syncOnce();
            String oldVersion = k.get("mainDocument").asText();

            // Meanwhile, at the office: the signer signs there, the counterparty's approver returns it, and the
            // sender sends a corrected PDF, which awaits the same signer again.
            k = rest.signed(signerToken, k, signWithToken(rest.document(signerToken, k)));
            String receiver = server.api().login(b.member().value(), TestServer.PASSWORD);
            k = rest.partyRoute(receiver, k, List.of(b.admin()), b.member2());
            k = rest.returnToSender(server.api().login(b.admin().value(), TestServer.PASSWORD), k,
                    "工期の記載が誤っています。");
            k = rest.attach(creator, k, TestPdfs.multiPage(3));
            k = rest.act(creator, k, "submit");
            String newVersion = k.get("mainDocument").asText();
            assertThat(newVersion).isNotEqualTo(oldVersion);
            assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");

            // The laptop, which never saw any of that, signs the version it has.
            assertThat(laptop.contract(id).current().mainDocument()).isEqualTo(oldVersion);
            signOffline(laptop, id);
            SyncEngine.Report r = laptop.engine().syncOnce();

            assertThat(r.conflicts()).isEqualTo(1);
            List<OutboxEntry> attention = laptop.store().outbox().needingAttention();
            assertThat(attention).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(OutboxState.CONFLICT);
                assertThat(e.result().outcome()).isEqualTo(CommandOutcome.CONFLICT);
                assertThat(e.result().code()).as("sign again, not a generic conflict").isEqualTo(ErrorCode.SIGN_AGAIN);
                assertThat(e.result().current()).as("with the version to sign now").isNotNull();
                assertThat(e.result().current().mainDocument()).isEqualTo(newVersion);
                assertThat(e.result().current().status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
            });
            assertThat(server.api().get("/api/v1/contracts/" + id, signerToken).json().get("mainDocument").asText())
                    .as("the stale signature changed nothing").isEqualTo(newVersion);
            assertThat(laptop.contract(id).current().mainDocument()).isEqualTo(newVersion);
            assertThat(laptop.store().blobs().has(newVersion)).as("the new version is ready to sign offline").isTrue();
            assertThat(laptop.engine().state().needingAttention()).isEqualTo(1);

            // Signing the new version, as the user is asked to, goes through.
            laptop.store().outbox().dismiss(attention.get(0).command().id());
            String signedSha = signOffline(laptop, id);
            assertThat(laptop.engine().syncOnce().applied()).isEqualTo(1);
            assertThat(server.api().get("/api/v1/contracts/" + id, signerToken).json().get("mainDocument").asText())
                    .isEqualTo(signedSha);
        }
    }
}
