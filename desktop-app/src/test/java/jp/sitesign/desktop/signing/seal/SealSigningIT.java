package jp.sitesign.desktop.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.signing.ContractSigning;
import jp.sitesign.desktop.signing.SigningViewModel;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing dialog's whole path with a seal: the contract's PDF drawn in the dialog, a click on its
 * cropped second page at 200 % zoom, signing with the user's PKCS#12 key on the laptop, then the sync. The
 * seal's widget sits on the clicked page at the clicked spot (read back with PDFBox), pdfsig calls the
 * signature valid, qpdf finds no error, and the server accepts the version.
 */
class SealSigningIT {
    private static final Path FONT = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;

    @TempDir
    Path home;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final PageRenderer renderer = new PageRenderer(PdfBoxPageSource::open, 32L << 20);
    private StoreSession store;

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
        renderer.close();
        ui.shutdownNow();
        background.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theSealLandsWhereTheUserClickedAndTheSignatureStaysValid() throws Exception {
        String id = awaitingSignature("受変電設備更新工事");
        ServerApi api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        ServerApi.Login login = api.login(a.member2().value(), TestServer.PASSWORD.toCharArray());
        store = new LocalStores(home.resolve("laptop")).openOnline(server.server().baseUrl(), login.userId(),
                login.companyId(), TestServer.PASSWORD.toCharArray()).session();
        SyncEngine engine = new SyncEngine(api, store, login.token(), Clock.systemUTC());
        List<X509Certificate> anchors = api.signaturePolicy(login.token()).trustAnchors();
        engine.syncOnce();
        ContractSigning signing = new ContractSigning(store, engine::fetch, anchors, Clock.systemUTC());
        Path memory = store.location().folder().resolve("seal-placement.properties");

        var bundle = I18n.bundle(Language.JA);
        SealPlacementViewModel seal = call(() -> new SealPlacementViewModel(renderer, background, ui, bundle,
                new SealMemory(memory), a.member2().value(), Optional.of(FONT), "元請建設株式会社"));
        SigningViewModel dialog = call(() -> {
            SigningViewModel vm = new SigningViewModel(signing, id, List.of(), null, null, "Linux", background, ui,
                    Clock.systemUTC(), Language.JA, bundle, seal);
            vm.sourceKindProperty().set(SigningViewModel.KeySourceKind.PKCS12);
            vm.pkcs12FileProperty().set(signers.keyFile(a.member2()));
            // 600 pt wide pages fitted into 1232 px: 2 layout pixels per point
            seal.preview().viewportWidthProperty().set(1232);
            return vm;
        });
        seal.open(() -> signing.currentDocument(id)).get(30, TimeUnit.SECONDS);
        await(() -> seal.preview().shownPageProperty().get() != null
                && seal.preview().shownPageProperty().get().pageIndex() == 1);

        // display point (300, 700) of page 2 → seal centred there: display box (200, 670)–(400, 730);
        // the crop box starts at (30, 40), so in user space x 230..430, y 40 + 800 − 730 = 110 .. 170
        call(() -> {
            seal.click(600, 1400);
            return null;
        });
        ContractSigning.Signed signed = call(() -> dialog.sign(signers.password().clone()))
                .get(60, TimeUnit.SECONDS);

        byte[] pdf = store.blobs().get(signed.signedSha256()).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignatureField field = doc.getDocumentCatalog().getAcroForm().getFields().stream()
                    .filter(PDSignatureField.class::isInstance).map(PDSignatureField.class::cast)
                    .findFirst().orElseThrow();
            PDAnnotationWidget widget = field.getWidgets().get(0);
            PDRectangle rect = widget.getRectangle();
            assertThat(new float[] {rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()})
                    .containsExactly(230, 110, 200, 60);
            List<PDAnnotation> onPage2 = doc.getPage(1).getAnnotations();
            assertThat(onPage2).anyMatch(x -> x.getCOSObject() == widget.getCOSObject());
            assertThat(doc.getPage(0).getAnnotations()).noneMatch(x -> x.getCOSObject() == widget.getCOSObject());
            assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream()).isNotNull();
        }
        Path file = home.resolve("signed.pdf");
        Files.write(file, pdf);
        IndependentChecks.assertValid(file, 1);
        assertThat(signed.signature().valid()).isTrue();
        assertThat(new SealMemory(memory).recall(a.member2().value())).as("remembered for next time").isPresent();

        engine.syncOnce();
        JsonNode now = api().get("/api/v1/contracts/" + id, aMember).json();
        assertThat(now.get("parties").get(0).get("signed").asBoolean()).isTrue();
        assertThat(now.get("mainDocument").asText()).isEqualTo(signed.signedSha256());
    }

    /** A contract of A awaiting member2's signature; its second page is cropped, starting at (30, 40). */
    private static String awaitingSignature(String title) throws IOException {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", title);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        JsonNode k = api().post("/api/v1/contracts", aMember, d).json();
        String id = k.get("id").asText();
        k = api().raw("PUT", "/api/v1/contracts/" + id + "/document?revision=" + k.get("revision").asLong(), aMember,
                pdf(), Map.of("Content-Type", "application/pdf")).json();
        k = api().post("/api/v1/contracts/" + id + "/submit", aMember, Map.of("revision", k.get("revision").asLong()))
                .json();
        assertThat(k.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        return id;
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(new PDRectangle(600, 800)));
            PDPage cropped = new PDPage(new PDRectangle(700, 900));
            cropped.setCropBox(new PDRectangle(30, 40, 600, 800));
            doc.addPage(cropped);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private <T> T call(Callable<T> work) throws Exception {
        return ui.submit(work).get(60, TimeUnit.SECONDS);
    }

    private void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                fail("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }

    private static ApiClient api() {
        return server.api();
    }
}
