package jp.sitesign.desktop.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.signing.seal.SealMemory;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 一括署名 against the real server on loopback with real PKCS#12 keys: several contracts waiting on the same
 * signer are signed with one login to the key file (the PIN asked once), each queued exactly as a single
 * signature and accepted by the server; one that is not the signer's turn fails alone; a cancel stops before the
 * next contract.
 */
class BulkSigningIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aMember;

    @TempDir
    Path home;
    private final List<StoreSession> stores = new ArrayList<>();

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        String aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
        signers.grant(api(), aAdmin, "元請建設株式会社", a.admin());
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

    private Device device(UserId user) {
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(user.value(), TestServer.PASSWORD.toCharArray());
        StoreSession store = new LocalStores(home.resolve("pc")).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session();
        stores.add(store);
        SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
        List<X509Certificate> anchors = api.signaturePolicy(login.token()).trustAnchors();
        engine.syncOnce();
        return new Device(store, engine, new ContractSigning(store, engine::fetch, anchors, Clock.systemUTC()));
    }

    private static String awaitingMember2(String title) throws IOException {
        return TestContracts.awaitingSignature(api(), aMember, a, b, title, TestPdfs.multiPage(2)).get("id").asText();
    }

    /** Gives the key file's password each time it is asked, and counts how often that is. */
    private static final class CountingPin implements PinCallback {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public char[] askPin(String what) {
            asked.incrementAndGet();
            return signers.password();
        }
    }

    /** Records the listener's calls. */
    private static final class Recorder implements BulkSigning.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void starting(int done, int total, String contractId) {
            events.add("start " + done + "/" + total + " " + contractId);
        }

        @Override
        public void finished(int done, int total, BulkSigning.Result result) {
            events.add("done " + done + "/" + total + " " + result.contractId() + " " + result.outcome());
        }
    }

    private static Pkcs12KeySource member2Key() {
        return new Pkcs12KeySource(signers.keyFile(a.member2()));
    }

    @Test
    void threeContractsAreSignedWithOneLoginEachQueuedAndAcceptedAsASingleSignature() throws Exception {
        List<String> ids = List.of(awaitingMember2("一括 第1工区"), awaitingMember2("一括 第2工区"),
                awaitingMember2("一括 第3工区"));
        Device pc = device(a.member2());
        CountingPin pin = new CountingPin();
        Recorder progress = new Recorder();
        // The seal where this user last put it by hand: the last page, lower right.
        Path font = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
        SealRule seal = SealRule.remembered(new SealMemory.Spot(0, 0.7, 0.85), font, "元請建設株式会社");

        List<BulkSigning.Result> results = new BulkSigning(pc.signing()).sign(ids, member2Key(), pin,
                SignatureRequest.basic(""), seal, progress, () -> false);

        assertThat(pin.asked).as("the key file unlocked once for the whole run").hasValue(1);
        assertThat(results).extracting(BulkSigning.Result::contractId).containsExactlyElementsOf(ids);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(BulkSigning.Outcome.SIGNED);
            assertThat(r.signed().signature().valid()).as("verified as the server will").isTrue();
        });
        assertThat(progress.events).containsExactly("start 0/3 " + ids.get(0), "done 1/3 " + ids.get(0) + " SIGNED",
                "start 1/3 " + ids.get(1), "done 2/3 " + ids.get(1) + " SIGNED",
                "start 2/3 " + ids.get(2), "done 3/3 " + ids.get(2) + " SIGNED");
        // Each in the outbox exactly as a single signature: a SIGN of the version signed, naming the key's file.
        assertThat(pc.store().outbox().pending()).hasSize(3).allSatisfy(e -> {
            Command.Sign sign = (Command.Sign) e.command();
            BulkSigning.Result r = results.stream().filter(x -> x.contractId().equals(sign.entityId())).findFirst()
                    .orElseThrow();
            assertThat(sign.documentSha256()).isEqualTo(r.signed().signedSha256());
            assertThat(sign.baseSha256()).isEqualTo(r.signed().baseSha256());
        });
        // The seal is on each document's last page.
        byte[] signed = pc.store().blobs().get(results.get(0).signed().signedSha256()).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDPage page = field.getWidgets().get(0).getPage();
            assertThat(doc.getPages().indexOf(page)).isEqualTo(doc.getNumberOfPages() - 1);
            assertThat(field.getWidgets().get(0).getRectangle().getWidth()).isPositive();
        }
        // Poppler, another code path than the one that signed, finds the signature valid.
        IndependentChecks.assertValid(java.nio.file.Files.write(home.resolve("bulk-1.pdf"), signed), 1);

        pc.engine().syncOnce();

        for (String id : ids) {
            assertThat(api().get("/api/v1/contracts/" + id, aMember).json().get("parties").get(0).get("signed")
                    .asBoolean()).as("the server accepted %s", id).isTrue();
        }
    }

    @Test
    void aContractThatIsNotTheSignersTurnFailsAloneWithItsReasonAndTheOthersAreSigned() throws Exception {
        String first = awaitingMember2("一括 A棟");
        // Waiting on the admin's signature, not member2's.
        String notMine = TestContracts.submitted(api(), aMember, b, a.admin(), TestPdfs.multiPage(2)).get("id").asText();
        String last = awaitingMember2("一括 B棟");
        Device pc = device(a.member2());
        CountingPin pin = new CountingPin();

        List<BulkSigning.Result> results = new BulkSigning(pc.signing()).sign(List.of(first, notMine, last),
                member2Key(), pin, SignatureRequest.basic(""), SealRule.invisible(), new Recorder(), () -> false);

        assertThat(results).extracting(BulkSigning.Result::outcome).containsExactly(BulkSigning.Outcome.SIGNED,
                BulkSigning.Outcome.FAILED, BulkSigning.Outcome.SIGNED);
        BulkSigning.Result failed = results.get(1);
        assertThat(failed.signed()).isNull();
        assertThat(failed.reasonJa()).as("said in Japanese").isNotBlank().doesNotContain("Exception");
        assertThat(failed.reasonEn()).isNotBlank().isNotEqualTo(failed.reasonJa());
        assertThat(pin.asked).hasValue(1);
        assertThat(pc.store().outbox().pending()).extracting(e -> e.command().entityId())
                .containsExactlyInAnyOrder(first, last);
    }

    @Test
    void cancellingStopsBeforeTheNextContractAndLeavesTheRestUnsigned() throws Exception {
        List<String> ids = List.of(awaitingMember2("一括 中止1"), awaitingMember2("一括 中止2"),
                awaitingMember2("一括 中止3"));
        Device pc = device(a.member2());
        Recorder progress = new Recorder();

        List<BulkSigning.Result> results = new BulkSigning(pc.signing()).sign(ids, member2Key(), new CountingPin(),
                SignatureRequest.basic(""), SealRule.invisible(), progress,
                () -> progress.events.stream().anyMatch(e -> e.startsWith("done 1/3")));

        assertThat(results).extracting(BulkSigning.Result::outcome).containsExactly(BulkSigning.Outcome.SIGNED,
                BulkSigning.Outcome.NOT_SIGNED, BulkSigning.Outcome.NOT_SIGNED);
        assertThat(results.get(1).reasonJa()).contains("中止");
        assertThat(progress.events).noneMatch(e -> e.startsWith("start 1/3"));
        assertThat(pc.store().outbox().pending()).extracting(e -> e.command().entityId()).containsExactly(ids.get(0));
    }

    @Test
    void aWrongPinStopsTheRunAfterOneTryInsteadOfTryingItOnEveryContract() throws Exception {
        List<String> ids = List.of(awaitingMember2("一括 PIN1"), awaitingMember2("一括 PIN2"));
        Device pc = device(a.member2());
        AtomicInteger asked = new AtomicInteger();

        List<BulkSigning.Result> results = new BulkSigning(pc.signing()).sign(ids, member2Key(), what -> {
            asked.incrementAndGet();
            return "wrong-pin".toCharArray();
        }, SignatureRequest.basic(""), SealRule.invisible(), new Recorder(), () -> false);

        assertThat(asked).hasValue(1);
        assertThat(results).extracting(BulkSigning.Result::outcome).containsExactly(BulkSigning.Outcome.FAILED,
                BulkSigning.Outcome.NOT_SIGNED);
        assertThat(results.get(1).reasonJa()).isEqualTo(results.get(0).reasonJa()).contains("PIN");
        assertThat(pc.store().outbox().pending()).isEmpty();
    }


    private static ApiClient api() {
        return server.api();
    }
}
