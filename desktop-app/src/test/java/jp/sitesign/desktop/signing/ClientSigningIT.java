package jp.sitesign.desktop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.AuditTrail;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing on the desktop, offline, then syncing: the server accepts what the app checked the same way; a
 * signature made on a version that is no longer current comes back as "sign again" with the current one.
 */
class ClientSigningIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;

    @TempDir
    Path home;
    private final List<StoreSession> stores = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @AfterEach
    void close() {
        stores.forEach(StoreSession::close);
    }

    private record Device(StoreSession store, SyncEngine engine, ContractSigning signing) {
    }

    private Device device(String name, UserId user) {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(user.value(), TestServer.PASSWORD.toCharArray());
        StoreSession store = new LocalStores(home.resolve(name)).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session();
        stores.add(store);
        SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
        List<X509Certificate> anchors = api.signaturePolicy(login.token()).trustAnchors();
        engine.syncOnce();
        return new Device(store, engine, new ContractSigning(store, engine::fetch, anchors, Clock.systemUTC()));
    }

    /** A contract of A awaiting member2's signature (no approvers), as the server holds it. */
    private static JsonNode awaitingSignature(String title) throws IOException {
        return TestContracts.awaitingSignature(api(), aMember, a, b, title, pdf());
    }

    private Signature signOn(Device device, String id) throws Exception {
        return new Signature(device.signing().sign(id, new Pkcs12KeySource(signers.keyFile(a.member2())),
                what -> signers.password(), SignatureRequest.timestamped("k", new Rfc3161Client(signers.tsaUrl()))));
    }

    private record Signature(ContractSigning.Signed signed) {
    }

    @Test
    void aSignatureMadeOfflineIsAcceptedWhenTheLaptopSyncs() throws Exception {
        JsonNode k = awaitingSignature("受変電設備更新工事");
        String id = k.get("id").asText();
        Device laptop = device("laptop", a.member2());

        ContractSigning.Signed s = signOn(laptop, id).signed();
        assertThat(s.baseSha256()).isEqualTo(k.get("mainDocument").asText());
        assertThat(s.signature().valid()).as("checked on the laptop as the server will").isTrue();
        assertThat(laptop.store().outbox().pending()).singleElement()
                .satisfies(e -> assertThat(((Command.Sign) e.command()).documentSha256())
                        .isEqualTo(s.signedSha256()));

        laptop.engine().syncOnce();

        JsonNode now = api().get("/api/v1/contracts/" + id, aMember).json();
        assertThat(now.get("parties").get(0).get("signed").asBoolean()).isTrue();
        assertThat(now.get("mainDocument").asText()).isEqualTo(s.signedSha256());
        assertThat(laptop.store().contracts().current(id).orElseThrow().current().mainDocument())
                .isEqualTo(s.signedSha256());
        assertThat(AuditTrail.events(api(), aAdmin, "CONTRACT_SIGNED", id).get(0).get("details").asText()).as("the key's file named by the app, for the audit log")
                .contains("keySource=\"" + signers.keyFile(a.member2()).getFileName() + "\"", "certSerial=");
    }

    @Test
    void aSignatureOnAVersionThatChangedMeanwhileComesBackAsSignAgainWithTheCurrentVersion() throws Exception {
        String id = awaitingSignature("空調設備工事").get("id").asText();
        Device office = device("office", a.member2());
        Device laptop = device("laptop", a.member2());
        ContractSigning.Signed offline = signOn(laptop, id).signed();
        ContractSigning.Signed first = signOn(office, id).signed();
        office.engine().syncOnce();

        SyncEngine.Report r = laptop.engine().syncOnce();

        assertThat(r.conflicts()).isEqualTo(1);
        assertThat(laptop.store().outbox().needingAttention()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.CONFLICT);
            assertThat(e.result().outcome()).isEqualTo(CommandOutcome.CONFLICT);
            assertThat(e.result().code()).isEqualTo(ErrorCode.SIGN_AGAIN);
            assertThat(e.result().current().mainDocument()).isEqualTo(first.signedSha256());
            assertThat(((Command.Sign) e.command()).documentSha256()).isEqualTo(offline.signedSha256());
        });
    }

    @Test
    void someoneWhoIsNotTheSignerOnTurnIsToldWhyBeforeAnyPinIsAsked() throws IOException {
        String id = awaitingSignature("外壁塗装工事").get("id").asText();
        Device creator = device("creator", a.member());
        assertThatThrownBy(() -> creator.signing().sign(id, new Pkcs12KeySource(signers.keyFile(a.member2())),
                what -> {
                    throw new AssertionError("the PIN must not be asked");
                }, SignatureRequest.basic("k")))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.messageJa()).isNotBlank();
                });
        assertThat(creator.store().outbox().all()).isEmpty();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static ApiClient api() {
        return server.api();
    }
}
