package jp.sitesign.desktop.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractDetailView;
import jp.sitesign.desktop.contracts.ContractDetailViewModel;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The contract detail in a real (headless Monocle) window with the signature panel in its tab: showing a
 * contract whose document carries two signatures and a document timestamp lists all three, in order, with
 * their verdicts in words.
 */
@ExtendWith(ApplicationExtension.class)
class SignaturePanelFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    static SignedPdfs pdfs;
    static byte[] signed;
    private StoreSession store;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService verifying = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void signedDocument() throws Exception {
        pdfs = new SignedPdfs(dir);
        signed = pdfs.twoSignaturesAndADocumentTimestamp();
    }

    @AfterAll
    static void stopServers() {
        pdfs.close();
    }

    @Start
    void start(Stage stage) {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        String sha = store.blobs().put(signed);
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .contract(UiTestStores.withDocument("k-signed", "署名済みの契約", sha)).applyTo(store);
        ContractDetailViewModel detail = new ContractDetailViewModel(store, (id, s) -> {
            throw new AssertionError("the PDF is on this computer");
        }, () -> { }, Clock.systemUTC(), background, Platform::runLater, JA);
        SignaturePanelViewModel panel = new SignaturePanelViewModel(pdfs::anchors, Clock.systemUTC(), verifying,
                Platform::runLater, JA);
        panel.follow(detail.mainDocumentProperty(), detail.contractProperty());
        Node root = new ContractDetailView(detail, new Label("preview"), new SignaturePanelView(panel).load(JA)).load(JA);
        stage.setScene(new Scene((javafx.scene.Parent) root, 1000, 800));
        stage.show();
        detail.load("k-signed");
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        verifying.shutdownNow();
        store.close();
    }

    @Test
    void showingASignedContractListsItsSignaturesAndDocumentTimestampInTheSignatureTab(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#showDocumentButton").query().isDisabled()));
        // The button may sit below the fold of the detail's scroll pane; pressing it is what matters here.
        robot.interact(() -> robot.lookup("#showDocumentButton").queryButton().fire());
        robot.clickOn(JA.getString("signatures.tab"));

        try {
            waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signature-3").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no third entry; the panel says: "
                    + onFx(() -> robot.lookup(".signature-summary").queryAs(Label.class).getText()), e);
        }

        assertThat(texts(robot, "#signature-1")).contains("有効", "署名 1: Alice Yamada（山田建設株式会社）",
                "改ざんなし: 署名された内容は、署名の後に書き換えられていません。");
        assertThat(texts(robot, "#signature-2")).contains("署名 2: Bob Suzuki（鈴木工務店）");
        assertThat(texts(robot, "#signature-3")).contains("文書タイムスタンプ 3: SiteSign Test TSA");
        assertThat(onFx(() -> robot.lookup(".signature-summary").queryAs(Label.class).getText()))
                .isEqualTo("すべての署名とタイムスタンプが有効です（3 件）。");
        assertThat(robot.lookup(".signature-light-green").queryAll()).hasSize(3);
        assertThat(onFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()))
                .as("the signature tab beside the preview").isEqualTo(1);

        // In a column as narrow as the detail's on a laptop, the verdict is still the whole word, never "…".
        // (TestFX shares its stage between test classes: its width is put back afterwards.)
        javafx.stage.Window window = onFx(() -> robot.lookup(".signature-summary").queryAs(Label.class).getScene()
                .getWindow());
        double width = onFx(window::getWidth);
        try {
            robot.interact(() -> window.setWidth(340));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> robot.lookup(".signature-verdict .text").queryAll().stream()
                    .map(n -> ((javafx.scene.text.Text) n).getText()).toList())).containsExactly("有効", "有効", "有効");
        } finally {
            robot.interact(() -> window.setWidth(width));
        }
    }

    private static List<String> texts(FxRobot robot, String card) throws Exception {
        return onFx(() -> robot.lookup(card).queryAs(VBox.class).lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
    }


    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
