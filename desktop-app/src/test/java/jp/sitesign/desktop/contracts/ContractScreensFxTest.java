package jp.sitesign.desktop.contracts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
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
 * The list and the detail in a real (headless Monocle) window over a real store: the seeded rows show,
 * typing in the title filter narrows them, and deleting a draft first asks for a confirmation that says it
 * cannot be undone (cancelling queues nothing).
 */
@ExtendWith(ApplicationExtension.class)
class ContractScreensFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .contract(UiTestStores.draft("k1", "Scaffold order", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1))
                .contract(UiTestStores.draft("k2", "Interior contract", "K-002", LocalDate.of(2026, 5, 1), 900_000L, 2))
                .contract(UiTestStores.draft("k3", "Scaffold change", "K-003", LocalDate.of(2026, 6, 1), 300_000L, 3))
                .applyTo(store);
        ContractListViewModel list = new ContractListViewModel(store, new FilterFile(store.location().folder()),
                path -> new byte[0], background, Platform::runLater, JA);
        ContractDetailViewModel detail = new ContractDetailViewModel(store, (id, sha) -> new byte[0], () -> { },
                Clock.systemUTC(), background, Platform::runLater, JA);
        detail.dialogs(FxDialogService.ownedBy(stage));
        ContractListView listView = new ContractListView(list);
        SplitPane split = new SplitPane(listView.load(JA), new ContractDetailView(detail, null).load(JA));
        listView.table().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                detail.load(row.id());
            }
        });
        stage.setScene(new Scene(split, 1200, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        store.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListShowsTheRowsATitleFilterNarrowsThemAndDeletingADraftAsksFirst(FxRobot robot) throws Exception {
        TableView<ContractRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 3));
        assertThat(onFx(() -> table.getItems().stream().map(ContractRow::title).toList()))
                .containsExactly("Scaffold change", "Interior contract", "Scaffold order");

        robot.clickOn("#titleField").write("Scaffold");
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
        assertThat(onFx(() -> table.getItems().stream().map(ContractRow::id).toList())).containsExactly("k3", "k1");

        robot.interact(() -> table.getSelectionModel().select(1));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#action-DELETE").tryQuery().isPresent());
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#action-DELETE").query().isDisabled()));
        robot.clickOn("#action-DELETE");

        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#deleteConfirmation").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#deleteConfirmation").queryAs(DialogPane.class);
        assertThat(onFx(dialog::getContentText)).contains("Scaffold order").contains("削除すると元に戻せません");
        Node cancel = onFx(() -> dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals("やめる")).findFirst().map(dialog::lookupButton).orElseThrow());
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(store.outbox().all()).as("cancelled: nothing queued").isEmpty();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
