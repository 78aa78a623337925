package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop sync engine against the real server on loopback, with real encrypted H2 stores on the
 * client side: what the user saves offline reaches the server, what others do reaches the user, and
 * nothing is lost when both sides changed the same draft.
 */
class ClientSyncIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdminToken;

    @TempDir
    Path home;
    private final List<Client> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = TestServer.start(Map.of("port", Integer.toString(port)));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdminToken = server.api().login(a.admin().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdminToken, "元請建設株式会社", a.member2());
        TestCertificates.grant(server, aAdminToken, "元請建設株式会社", a.admin());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    /** One computer of one user: its own store folder, its own engine. */
    final class Client implements AutoCloseable {
        final StoreSession store;
        final SyncEngine engine;

        Client(String computer, UserId user, String password) {
            ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
            ServerApi.Login login = api.login(user.value(), password.toCharArray());
            this.store = new LocalStores(home.resolve(computer)).openOnline(server.server().baseUrl(), login.userId(),
                    login.companyId(), password.toCharArray()).session();
            this.engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
            clients.add(this);
        }

        SyncEngine.Report sync() {
            return engine.syncOnce();
        }

        LocalContract contract(String id) {
            return store.contracts().current(id).orElseThrow(() -> new AssertionError("no contract " + id));
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private Client client(String computer, UserId user) {
        return new Client(computer, user, TestServer.PASSWORD);
    }

    private static ContractDraft draft(String title, UserId signer) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 9, 30), 3_300_000L, true,
                false, null, null, null, List.of(new ContractDraft.Counterparty(b.id().value(), b.member().value())),
                List.of(), signer == null ? null : signer.value(), null);
    }

    @Test
    void aDraftSavedOfflineReachesTheServer_andComesBackWithItsNumber() {
        Client laptop = client("laptop", a.member());
        laptop.sync();
        String id = UUID.randomUUID().toString();
        laptop.store.outbox().append(Command.createDraft(id, draft("現場詰所 新築工事", a.member2())));
        assertThat(laptop.contract(id).localOnly()).isTrue();

        SyncEngine.Report r = laptop.sync();

        assertThat(r.applied()).isEqualTo(1);
        assertThat(server.api().get("/api/v1/contracts/" + id, aAdminToken).json().get("title").asText())
                .isEqualTo("現場詰所 新築工事");
        LocalContract local = laptop.contract(id);
        assertThat(local.localOnly()).isFalse();
        assertThat(local.current().managementNumber()).as("numbered by the server").matches("\\d{4}-\\d{5}");
        assertThat(laptop.store.outbox().all()).isEmpty();
        assertThat(laptop.store.contracts().search(query("現場詰所")).items()).extracting(k -> k.current().id())
                .containsExactly(id);
        assertThat(laptop.engine.state().online()).isTrue();
        assertThat(laptop.engine.state().pendingCommands()).isZero();
    }

    @Test
    void editsOfADraftCreatedOfflineArePushedOnTheRevisionTheirCreationProduced() {
        Client laptop = client("laptop", a.member());
        String id = UUID.randomUUID().toString();
        laptop.store.outbox().append(Command.createDraft(id, draft("仮設足場工事", null)));
        ContractDraft shown = ContractDraft.of(laptop.contract(id).current());
        laptop.store.outbox().append(Command.editDraft(id, shown.revision(), new ContractDraft(shown.revision(),
                shown.form(), null, "仮設足場工事（第2版）", shown.transactionDate(), shown.amountYen(), shown.taxIncluded(),
                shown.construction(), shown.terms(), shown.note(), null, shown.counterparties(), shown.route(),
                a.member2().value(), null)));

        SyncEngine.Report r = laptop.sync();

        assertThat(r.applied()).isEqualTo(2);
        assertThat(laptop.contract(id).current().title()).isEqualTo("仮設足場工事（第2版）");
        assertThat(laptop.contract(id).current().revision()).isEqualTo(2);
    }

    @Test
    void anAttachmentQueuedOnAnOlderRevisionStaysAnAttachmentWhenTheOutboxRebasesIt() {
        Client laptop = client("laptop", a.member());
        String id = UUID.randomUUID().toString();
        laptop.store.outbox().append(Command.createDraft(id, draft("図面つきの下書き", null)));
        long shown = laptop.contract(id).current().revision();
        byte[] main = jp.sitesign.model.signature.testing.TestPdfs.multiPage(2);
        byte[] drawing = jp.sitesign.model.signature.testing.TestPdfs.multiPage(1);
        laptop.store.outbox().append(Command.attach(id, shown, laptop.store.blobs().put(main)));
        // Based on the revision the user saw, before the main PDF's command produced the next one.
        laptop.store.outbox().append(Command.attachAttachment(id, shown, laptop.store.blobs().put(drawing), "図面.pdf"));

        SyncEngine.Report r = laptop.sync();

        assertThat(r.applied()).isEqualTo(3);
        var documents = server.api().get("/api/v1/contracts/" + id, aAdminToken).json().get("documents");
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).get("kind").asText()).isEqualTo("MAIN");
        assertThat(documents.get(0).get("sha256").asText()).isEqualTo(jp.sitesign.model.crypto.Digests.sha256Hex(main));
        assertThat(documents.get(1).get("kind").asText()).isEqualTo("ATTACHMENT");
        assertThat(documents.get(1).get("name").asText()).isEqualTo("図面.pdf");
    }

    @Test
    void twoComputersEditTheSameDraftOffline_theSecondGetsAConflictWithBothVersions() {
        Client office = client("office", a.member());
        String id = UUID.randomUUID().toString();
        office.store.outbox().append(Command.createDraft(id, draft("電気設備工事", a.member2())));
        office.sync();
        Client laptop = client("laptop", a.member());
        laptop.sync();
        long rev = laptop.contract(id).current().revision();

        office.store.outbox().append(Command.editDraft(id, rev, retitled(office.contract(id), "電気設備工事（事務所で修正）")));
        laptop.store.outbox().append(Command.editDraft(id, rev, retitled(laptop.contract(id), "電気設備工事（現場で修正）")));
        office.sync();
        SyncEngine.Report r = laptop.sync();

        assertThat(r.conflicts()).isEqualTo(1);
        List<OutboxEntry> attention = laptop.store.outbox().needingAttention();
        assertThat(attention).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.CONFLICT);
            assertThat(((Command.WithDraft) e.command()).draft().title()).as("the laptop's edit is kept")
                    .isEqualTo("電気設備工事（現場で修正）");
            assertThat(e.result().current().title()).as("with the server's version beside it")
                    .isEqualTo("電気設備工事（事務所で修正）");
        });
        assertThat(laptop.contract(id).current().title()).isEqualTo("電気設備工事（事務所で修正）");
        assertThat(laptop.engine.state().needingAttention()).isEqualTo(1);

        // The user keeps the laptop's text: a new edit on the current revision, then the old one is dismissed.
        LocalContract now = laptop.contract(id);
        laptop.store.outbox().append(Command.editDraft(id, now.current().revision(),
                retitled(now, "電気設備工事（現場で修正）")));
        laptop.store.outbox().dismiss(attention.get(0).command().id());
        laptop.sync();
        office.sync();
        assertThat(office.contract(id).current().title()).isEqualTo("電気設備工事（現場で修正）");
    }

    @Test
    void aContractTheUserMayNoLongerSeeLeavesTheirComputer() {
        Client owner = client("owner-pc", a.member());
        String id = UUID.randomUUID().toString();
        owner.store.outbox().append(Command.createDraft(id, draft("署名者が替わる契約", a.member2())));
        owner.sync();
        Client signer = client("signer-pc", a.member2());
        signer.sync();
        assertThat(signer.store.contracts().current(id)).isPresent();

        owner.store.outbox().append(Command.editDraft(id, owner.contract(id).current().revision(),
                withSigner(owner.contract(id), a.admin())));
        owner.sync();
        signer.sync();

        assertThat(signer.store.contracts().current(id)).isEmpty();
    }

    @Test
    void aRejectedCommandStaysVisibleWithTheServersReason() {
        Client laptop = client("laptop", a.member());
        String id = UUID.randomUUID().toString();
        laptop.store.outbox().append(Command.createDraft(id, draft("PDF のない下書き", a.member2())));
        laptop.sync();
        laptop.store.outbox().append(Command.step(jp.sitesign.model.sync.CommandType.SUBMIT, id,
                laptop.contract(id).current().revision()));

        SyncEngine.Report r = laptop.sync();

        assertThat(r.rejected()).isEqualTo(1);
        assertThat(laptop.store.outbox().needingAttention()).singleElement().satisfies(e -> {
            assertThat(e.result().outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(e.result().messageJa()).contains("PDF");
        });
        assertThat(laptop.contract(id).current().status().name()).isEqualTo("DRAFT");
    }

    @Test
    void withTheServerDownTheEngineSaysOffline_andTheSavedWorkGoesOutWhenItIsBack() {
        Client laptop = client("laptop", a.member());
        laptop.sync();
        String id = UUID.randomUUID().toString();
        laptop.store.outbox().append(Command.createDraft(id, draft("停電中に保存した下書き", a.member2())));
        server.server().close();
        try {
            assertThatThrownBy(laptop::sync).isInstanceOf(OfflineException.class);
            assertThat(laptop.engine.state().online()).isFalse();
            assertThat(laptop.engine.state().pendingCommands()).isEqualTo(1);
            assertThat(laptop.engine.state().lastErrorJa()).contains("接続");
        } finally {
            server.restart();
        }
        laptop.sync();
        assertThat(server.api().get("/api/v1/contracts/" + id, aAdminToken).status()).isEqualTo(200);
        assertThat(laptop.engine.state().online()).isTrue();
    }

    private static ContractQuery query(String title) {
        return new ContractQuery(null, title, null, null, null, null, null, null, null, 0, 50);
    }

    private static ContractDraft retitled(LocalContract k, String title) {
        ContractDraft d = ContractDraft.of(k.current());
        return new ContractDraft(d.revision(), d.form(), d.managementNumber(), title, d.transactionDate(), d.amountYen(),
                d.taxIncluded(), d.construction(), d.terms(), d.note(), d.originalId(), d.counterparties(), d.route(),
                d.signer(), d.deadline());
    }

    private static ContractDraft withSigner(LocalContract k, UserId signer) {
        ContractDraft d = ContractDraft.of(k.current());
        return new ContractDraft(d.revision(), d.form(), d.managementNumber(), d.title(), d.transactionDate(),
                d.amountYen(), d.taxIncluded(), d.construction(), d.terms(), d.note(), d.originalId(),
                d.counterparties(), d.route(), signer.value(), d.deadline());
    }

}
