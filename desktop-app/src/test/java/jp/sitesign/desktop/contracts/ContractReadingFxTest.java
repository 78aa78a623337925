package jp.sitesign.desktop.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.settings.Remembered;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

/**
 * Reading a contract (見読性) in a real (headless Monocle) window over a real store: selecting it in the list
 * shows its first page in the detail, fitted to the column's width, with no button pressed; 印刷 and
 * PDFとして保存 are there as words; saving writes the stored version byte for byte (same SHA-256), in the
 * folder chosen, which the next save starts in. Nothing is fetched: the PDF is this computer's copy, as offline.
 */
@ExtendWith(ApplicationExtension.class)
class ContractReadingFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PageRenderer renderer;
    private PreviewViewModel preview;
    private ContractReading reading;
    private ContractDetailViewModel detail;
    private ScriptedDialogs dialogs;
    private String sha;
    private byte[] pdf;

    @Start
    void start(Stage stage) {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        pdf = EditorFixtures.pdf(2);
        sha = store.blobs().put(pdf);
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .contract(UiTestStores.draft("k1", "Scaffold order", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1))
                .contract(UiTestStores.withDocument("k-doc", "締結済みの契約", sha)).applyTo(store);
        ContractListViewModel list = new ContractListViewModel(store, new FilterFile(store.location().folder()),
                path -> new byte[0], background, Platform::runLater, JA);
        detail = new ContractDetailViewModel(store, (id, s) -> {
            throw new AssertionError("the PDF is on this computer: nothing is downloaded");
        }, () -> { }, Clock.systemUTC(), background, Platform::runLater, JA);
        renderer = new PageRenderer(PdfBoxPageSource::open, 32L << 20);
        preview = new PreviewViewModel(renderer, Platform::runLater, JA);
        dialogs = new ScriptedDialogs();
        reading = new ContractReading(detail, store, (id, s) -> {
            throw new AssertionError("the PDF is on this computer: nothing is downloaded");
        }, background, Platform::runLater, JA).dialogs(dialogs).remembered(new Remembered(dir.resolve("home")))
                .follow(preview);
        detail.mainDocumentProperty().addListener((obs, old, file) -> {
            if (file != null) {
                preview.open(file);
            }
        });
        ContractListView listView = new ContractListView(list);
        SplitPane split = new SplitPane(listView.load(JA), new ContractDetailView(detail,
                new PreviewView(preview).embedded(ReadingTools.of(reading, () -> { }, JA)).load(JA)).load(JA));
        split.setDividerPositions(0.55);
        listView.table().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                detail.load(row.id());
            }
        });
        // Monocle's headless screen is 1280 wide: the width of a laptop's window, less than 1366.
        stage.setScene(new Scene(split, 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        renderer.close();
        store.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectingAContractShowsItsFirstPageInTheDetailAndSavingWritesTheStoredVersionUnchanged(FxRobot robot)
            throws Exception {
        TableView<ContractRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
        int row = onFx(() -> table.getItems().stream().map(ContractRow::id).toList().indexOf("k-doc"));

        robot.interact(() -> table.getSelectionModel().select(row));

        ImageView page = robot.lookup("#pageImage").queryAs(ImageView.class);
        waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> page.getImage() != null
                && preview.shownPageProperty().get() != null && preview.shownPageProperty().get().pageIndex() == 0
                && !preview.loadingProperty().get()));
        assertThat(onFx(() -> preview.pageLabelProperty().get())).isEqualTo("1 / 2");
        assertThat(onFx(() -> preview.fitWidthProperty().get())).as("fitted to the column's width").isTrue();
        assertThat(onFx(() -> page.getFitWidth())).as("a readable size, not a thumbnail").isGreaterThan(350);
        assertThat(onFx(() -> robot.lookup("#printButton").queryButton().getText())).isEqualTo("印刷");
        assertThat(onFx(() -> robot.lookup("#savePdfButton").queryButton().getText())).isEqualTo("PDFとして保存");
        assertThat(robot.lookup("#openButton").queryButton().isVisible()).as("no other file in the detail").isFalse();

        Path target = Files.createDirectories(dir.resolve("saved")).resolve("K-100.pdf");
        dialogs.choose(target);
        robot.interact(() -> robot.lookup("#savePdfButton").queryButton().fire());
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !reading.messageProperty().get().isEmpty()));

        assertThat(onFx(() -> reading.messageProperty().get())).startsWith("保存しました");
        assertThat(sha256(Files.readAllBytes(target))).as("byte for byte the stored version").isEqualTo(sha)
                .isEqualTo(sha256(pdf));
        dialogs.choose(null);
        robot.interact(() -> robot.lookup("#savePdfButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.folders()).as("the next save starts in the folder saved to")
                .containsExactly(null, target.getParent().toAbsolutePath());

        // A draft without a PDF yet shows none, not the last contract's pages.
        int draft = onFx(() -> table.getItems().stream().map(ContractRow::id).toList().indexOf("k1"));
        robot.interact(() -> table.getSelectionModel().select(draft));
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> detail.contractProperty().get() != null
                && detail.contractProperty().get().id().equals("k1")));
        assertThat(onFx(() -> page.getImage())).isNull();
        assertThat(onFx(() -> robot.lookup("#savePdfButton").queryButton().isDisabled())).isTrue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }


    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
