package jp.sitesign.desktop.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractListView;
import jp.sitesign.desktop.contracts.ContractListViewModel;
import jp.sitesign.desktop.contracts.FilterFile;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
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
 * The settings screen and the contract list in one real (headless) window: choosing 和暦 and saving redraws
 * the list's transaction dates in 和暦 at once, and the choice is in the settings file for the next start.
 */
@ExtendWith(ApplicationExtension.class)
class DateStyleFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private Path home;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        home = dir.resolve("home" + System.nanoTime());
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .contract(UiTestStores.draft("k1", "Scaffold order", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1))
                .applyTo(store);
        SettingsFile file = new SettingsFile(home);
        Settings settings = file.load();
        ContractListViewModel list = new ContractListViewModel(store, new FilterFile(store.location().folder()),
                path -> new byte[0], background, Platform::runLater, JA).dates(settings.dates());
        SettingsView settingsView = new SettingsView(new SettingsViewModel(settings, file, Language.JA, JA));
        stage.setScene(new Scene(new SplitPane(new ContractListView(list).load(JA), settingsView.load(JA)), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        store.close();
    }

    @Test
    void choosingWarekiAndSavingShowsTheListsDatesInWareki(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> shown(robot, "2026/04/01")));
        assertThat(onFx(() -> shown(robot, "令和8年4月1日"))).isFalse();

        robot.clickOn("#dateStyleChoice").clickOn(JA.getString("settings.dateStyle.WAREKI"));
        robot.clickOn("#saveButton");

        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> shown(robot, "令和8年4月1日")));
        assertThat(onFx(() -> shown(robot, "2026/04/01"))).isFalse();
        assertThat(new SettingsFile(home).load().dateStyle()).isEqualTo(DateStyle.WAREKI);
    }

    private static boolean shown(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(cell -> text.equals(cell.getText()));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
