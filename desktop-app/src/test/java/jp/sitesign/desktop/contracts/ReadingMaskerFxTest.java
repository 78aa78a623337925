package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.Role;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A contract whose PDF this computer does not hold yet: from the moment it is shown, the reading pane is masked
 * with 「PDFを読み込んでいます…」 while the PDF is downloaded and its first page drawn, and unmasked when the page
 * is there. The download is held by a latch until the test lets it finish.
 */
@ExtendWith(ApplicationExtension.class)
class ReadingMaskerFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final CountDownLatch downloaded = new CountDownLatch(1);
    private PageRenderer renderer;
    private PreviewViewModel preview;
    private ContractDetailViewModel detail;

    @Start
    void start(Stage stage) throws Exception {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        byte[] pdf = EditorFixtures.pdf(2);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .contract(UiTestStores.withDocument("k-doc", "締結済みの契約", sha)).applyTo(store);
        jp.sitesign.desktop.signing.ContractSigning.DocumentSource server = (id, s) -> {
            try {
                downloaded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return pdf;
        };
        detail = new ContractDetailViewModel(store, server, () -> { }, Clock.systemUTC(), background,
                Platform::runLater, JA);
        renderer = new PageRenderer(PdfBoxPageSource::open, 32L << 20);
        preview = new PreviewViewModel(renderer, Platform::runLater, JA);
        new ContractReading(detail, store, server, background, Platform::runLater, JA).follow(preview);
        detail.mainDocumentProperty().addListener((obs, old, file) -> {
            if (file != null) {
                preview.open(file);
            }
        });
        stage.setScene(new Scene(new PreviewView(preview).load(JA), 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        downloaded.countDown();
        background.shutdownNow();
        renderer.close();
        store.close();
    }

    @Test
    void theReadingPaneIsMaskedWhileThePdfIsDownloadedAndDrawnAndUnmaskedOnceThePageIsThere(FxRobot robot)
            throws Exception {
        MaskerPane masker = robot.lookup("#loadingIndicator").queryAs(MaskerPane.class);
        assertThat(onFx(masker::isVisible)).as("no contract shown yet").isFalse();

        robot.interact(() -> detail.load("k-doc"));
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> detail.contractProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();

        // Masked once the download has lasted a moment (a page drawn at once is not masked, so it cannot flash).
        waitFor(30, TimeUnit.SECONDS, () -> onFx(masker::isVisible));
        assertThat(onFx(masker::isVisible)).as("masked while the PDF is downloaded").isTrue();
        assertThat(onFx(masker::getText)).isEqualTo("PDFを読み込んでいます…");
        assertThat(onFx(() -> preview.pageCountProperty().get())).as("the download is still held").isZero();

        downloaded.countDown();
        waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> preview.shownPageProperty().get() != null
                && !preview.loadingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(masker::isVisible)).as("unmasked once the page is drawn").isFalse();
        assertThat(onFx(() -> preview.pageLabelProperty().get())).isEqualTo("1 / 2");
    }


    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
