package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.settings.UserColumns;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The list's columns as the user arranged them (moved, hidden, widened) are saved in the settings file under the
 * user's id and come back in the next window for the same user, not for another user of the same computer.
 */
@ExtendWith(ApplicationExtension.class)
class ContractColumnsFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final String ME = "U00000001";
    static final String COLLEAGUE = "U00000002";

    @TempDir
    static Path dir;
    private StoreSession store;
    private Stage stage;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        UiTestStores.changes()
                .contract(UiTestStores.draft("k1", "Scaffold order", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1))
                .applyTo(store);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        store.close();
    }

    /** A fresh list (as after the next login) for {@code user}, with the settings as the file holds them now. */
    private TableView<ContractRow> list(Path home, String user) throws Exception {
        return onFx(() -> {
            SettingsFile file = new SettingsFile(home);
            Settings settings = file.load();
            ContractListView view = new ContractListView(new ContractListViewModel(store,
                    new FilterFile(store.location().folder()), path -> new byte[0], background, Platform::runLater, JA));
            stage.getScene().setRoot(view.load(JA));
            view.rememberColumns(new UserColumns(settings, file, user));
            return view.table();
        });
    }

    private static List<String> shown(TableView<ContractRow> table) throws Exception {
        return onFx(() -> table.getVisibleLeafColumns().stream().map(TableColumn::getId).toList());
    }

    @Test
    void aUsersColumnLayoutIsSavedAndComesBackForThemOnly() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        TableView<ContractRow> first = list(home, ME);
        List<String> defaults = shown(first);
        assertThat(defaults).startsWith("statusColumn", "numberColumn", "titleColumn", "counterpartyColumn",
                "amountColumn", "dateColumn", "deadlineColumn").doesNotContain("updatedColumn");

        // The user moves the title first, hides the counterparty and shows 更新 (the column menu's check boxes).
        onFx(() -> {
            TableColumn<ContractRow, ?> title = column(first, "titleColumn");
            first.getColumns().remove(title);
            first.getColumns().add(0, title);
            column(first, "counterpartyColumn").setVisible(false);
            column(first, "updatedColumn").setVisible(true);
            return null;
        });
        waitFor(30, TimeUnit.SECONDS, () -> new SettingsFile(home).load().columnLayouts()
                .getOrDefault(Settings.layoutKey(ME, ContractListView.LAYOUT_NAME), "").startsWith("titleColumn:"));
        assertThat(onFx(() -> first.isTableMenuButtonVisible())).as("a column menu to hide and show columns").isTrue();

        TableView<ContractRow> again = list(home, ME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(again)).startsWith("titleColumn", "statusColumn", "numberColumn", "amountColumn")
                .contains("updatedColumn").doesNotContain("counterpartyColumn");

        TableView<ContractRow> colleague = list(home, COLLEAGUE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(colleague)).as("another user of this computer keeps the default").isEqualTo(defaults);
    }

    private static TableColumn<ContractRow, ?> column(TableView<ContractRow> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
