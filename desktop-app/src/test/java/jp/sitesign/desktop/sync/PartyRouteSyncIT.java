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
import jp.sitesign.desktop.routing.PartyRouteViewModel;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counterparty's route dialog against the real server on loopback: B's 担当者, a 一般利用者, gets B's
 * company directory through the sync (ADR 10), picks an approver and a signer with 署名権限 in the dialog's view
 * model, and the SET_PARTY_ROUTE command it queues is applied by the server at the next sync.
 */
class PartyRouteSyncIT {
    private static final String COMPANY = "SiteSign Test";
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static Path keys;
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
        rest = new RestContracts(server.api());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(keys.resolve("token-ca.pem"));
        Files.deleteIfExists(keys);
    }

    /** Drafted, sent and signed by A, so it now waits for B's route and signer. */
    private static JsonNode atB(String title) throws Exception {
        String creator = server.api().login(a.member().value(), TestServer.PASSWORD);
        String signer = server.api().login(a.member2().value(), TestServer.PASSWORD);
        JsonNode k = rest.draft(creator, title, b.id(), b.member(), List.of(), a.member2());
        k = rest.attach(creator, k, TestPdfs.multiPage(1));
        k = rest.act(creator, k, "submit");
        byte[] signed = new PadesSigner(Clock.systemUTC()).sign(rest.document(signer, k),
                Pkcs11Module.forLibrary(SoftHsmToken.MODULE).token(SoftHsmToken.LABEL),
                what -> SoftHsmToken.PIN.toCharArray(), SignatureRequest.basic(SoftHsmToken.RSA_ALIAS));
        k = rest.signed(signer, k, signed);
        assertThat(k.get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(k.get("currentParty").asInt()).isEqualTo(1);
        return k;
    }

    @Test
    void theReceivingMemberSetsTheRouteFromTheDirectory_andTheServerAppliesItAtTheNextSync() throws Exception {
        JsonNode k = atB("外構工事 注文書");
        String id = k.get("id").asText();
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(b.member().value(), TestServer.PASSWORD.toCharArray());
        try (StoreSession store = new LocalStores(home).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session()) {
            SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            engine.syncOnce();
            PartyRouteViewModel vm = new PartyRouteViewModel(store, () -> { }, Clock.systemUTC(), Language.JA,
                    I18n.bundle(Language.JA));
            vm.load(id);
            assertThat(vm.allowedProperty().get()).as(vm.errorProperty().get()).isTrue();
            assertThat(vm.approverOptions()).extracting(UserView::id)
                    .contains(b.owner().value(), b.admin().value(), b.member2().value())
                    .noneMatch(u -> u.equals(a.member().value()));
            assertThat(vm.approverOptions()).filteredOn(u -> u.id().equals(b.admin().value())).singleElement()
                    .satisfies(u -> assertThat(u.email()).as("a member sees no colleague's email").isNull());
            assertThat(vm.signerOptions()).extracting(UserView::id).containsExactly(b.member2().value());

            vm.addApprover(vm.approverOptions().stream().filter(u -> u.id().equals(b.admin().value())).findFirst()
                    .orElseThrow());
            vm.signerProperty().set(vm.signerOptions().get(0));
            assertThat(vm.save()).isTrue();
            SyncEngine.Report r = engine.syncOnce();

            assertThat(r.applied()).isEqualTo(1);
            JsonNode party = server.api().get("/api/v1/contracts/" + id,
                    server.api().login(b.member().value(), TestServer.PASSWORD)).json().get("parties").get(1);
            assertThat(party.get("signerId").asText()).isEqualTo(b.member2().value());
            assertThat(party.get("route")).extracting(JsonNode::asText).containsExactly(b.admin().value());
            assertThat(store.outbox().needingAttention()).isEmpty();
            vm.load(id);
            assertThat(vm.allowedProperty().get()).as("the route is set: nothing more to set").isFalse();
        }
    }
}
