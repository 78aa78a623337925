package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The confirmations of the contract detail in a real (headless Monocle) window over a real store: approving,
 * returning, withdrawing, declining and deleting a draft each open a question naming the contract; a reason
 * left blank keeps the question open with its message; Cancel, Escape, and Enter where Cancel is the default,
 * close it and leave the store exactly as it was.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmationsFxTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);

    @TempDir
    static Path dir;
    private StoreSession store;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private TableView<ContractRow> table;
    private List<ContractSnapshot> seeded;

    @Start
    void start(Stage stage) {
        store = UiTestStores.open(dir.resolve("s" + System.nanoTime()));
        seeded = List.of(UiTestStores.draft("k1", "足場工事 注文書", "K-001", LocalDate.of(2026, 4, 1), 1_200_000L, 1),
                awaitingMyApproval(), reachedMe());
        UiTestStores changes = UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .partner(UiTestStores.PARTNER, "株式会社 山田工務店");
        seeded.forEach(changes::contract);
        changes.applyTo(store);
        ContractListViewModel list = new ContractListViewModel(store, new FilterFile(store.location().folder()),
                path -> new byte[0], background, Platform::runLater, JA);
        ContractDetailViewModel detail = new ContractDetailViewModel(store, (id, sha) -> new byte[0], () -> { },
                Clock.systemUTC(), background, Platform::runLater, JA);
        detail.dialogs(FxDialogService.ownedBy(stage));
        ContractListView listView = new ContractListView(list);
        SplitPane split = new SplitPane(listView.load(JA), new ContractDetailView(detail, null).load(JA));
        table = listView.table();
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                detail.load(row.id());
            }
        });
        stage.setScene(new Scene(split, 1200, 700));
        stage.show();
    }

    private static ContractSnapshot awaitingMyApproval() {
        ContractSnapshot base = UiTestStores.draft("k3", "外構工事 注文書", "K-003", LocalDate.of(2026, 5, 1),
                4_180_000L, 4);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                PartyStep.sender(UiTestStores.OWN, List.of(UiTestStores.ME), new UserId("U00000102")),
                PartyStep.counterparty(UiTestStores.PARTNER, new UserId("U00000201"))), 0, 0, null, null);
        return ContractSnapshot.of("k3", UiTestStores.OWN, UiTestStores.ME, p, base.data(), null, List.of(), 4,
                UiTestStores.T, UiTestStores.T.plusSeconds(4));
    }

    private static ContractSnapshot reachedMe() {
        ContractSnapshot base = UiTestStores.draft("k4", "内装工事 注文書", "P-004", LocalDate.of(2026, 6, 1),
                2_200_000L, 5);
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                new PartyStep(UiTestStores.PARTNER, null, List.of(), new UserId("U00000201"), true),
                PartyStep.counterparty(UiTestStores.OWN, UiTestStores.ME)), 1, 0, null, null);
        return ContractSnapshot.of("k4", UiTestStores.PARTNER, new UserId("U00000201"), p, base.data(), null,
                List.of(), 5, UiTestStores.T, UiTestStores.T.plusSeconds(5));
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        store.close();
    }

    @Test
    void eachConfirmationAppearsNamingTheContract_andCancelLeavesEverythingAsItWas(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 3));

        DialogPane approve = open(robot, "k3", LifecycleCommand.APPROVE);
        assertThat(onFx(approve::getContentText)).contains("K-003", "外構工事 注文書", "株式会社 山田工務店",
                "¥4,180,000（税込）");
        assertThat(onFx(() -> ((Button) approve.lookupButton(button(approve, ButtonBar.ButtonData.OK_DONE)))
                .isDefaultButton())).as("approving: OK is the default").isTrue();
        press(robot, approve, ButtonBar.ButtonData.CANCEL_CLOSE);
        waitFor(30, TimeUnit.SECONDS, () -> closed(approve));

        DialogPane returning = open(robot, "k3", LifecycleCommand.RETURN);
        assertThat(text(robot, returning)).contains("K-003", "¥4,180,000（税込）");
        press(robot, returning, ButtonBar.ButtonData.OK_DONE);
        Label error = robot.from(returning).lookup("#reasonError").queryAs(Label.class);
        assertThat(onFx(error::getText)).as("a blank reason keeps the question open, saying why")
                .isEqualTo(JA.getString("contracts.confirm.reasonRequired"));
        assertThat(closed(returning)).isFalse();
        press(robot, returning, ButtonBar.ButtonData.CANCEL_CLOSE);
        waitFor(30, TimeUnit.SECONDS, () -> closed(returning));

        DialogPane withdraw = open(robot, "k3", LifecycleCommand.WITHDRAW);
        assertThat(text(robot, withdraw)).contains("K-003", "外構工事 注文書", "株式会社 山田工務店", "¥4,180,000（税込）",
                "元に戻せません");
        assertThat(onFx(() -> ((Button) withdraw.lookupButton(button(withdraw, ButtonBar.ButtonData.CANCEL_CLOSE)))
                .isDefaultButton())).as("withdrawing: Cancel is the default").isTrue();
        robot.interact(() -> robot.lookup("#reasonField").queryAs(TextArea.class).setText("発注内容を見直すため"));
        robot.interact(() -> withdraw.getScene().getWindow().requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitFor(30, TimeUnit.SECONDS, () -> closed(withdraw));

        DialogPane decline = open(robot, "k4", LifecycleCommand.DECLINE);
        assertThat(text(robot, decline)).contains("P-004", "内装工事 注文書", "¥2,200,000");
        press(robot, decline, ButtonBar.ButtonData.CANCEL_CLOSE);
        waitFor(30, TimeUnit.SECONDS, () -> closed(decline));

        DialogPane delete = open(robot, "k1", LifecycleCommand.DELETE);
        assertThat(onFx(delete::getContentText)).contains("K-001", "足場工事 注文書", "¥1,200,000", "元に戻せません");
        robot.type(KeyCode.ENTER);
        waitFor(30, TimeUnit.SECONDS, () -> closed(delete));

        assertThat(store.outbox().all()).as("nothing queued").isEmpty();
        for (ContractSnapshot k : seeded) {
            assertThat(store.contracts().current(k.id()).orElseThrow().current()).as(k.id()).isEqualTo(k);
        }
    }

    /** Selects the contract, presses the action's button and waits for its question. */
    private DialogPane open(FxRobot robot, String id, LifecycleCommand command) throws Exception {
        int index = onFx(() -> table.getItems().stream().map(ContractRow::id).toList().indexOf(id));
        robot.interact(() -> table.getSelectionModel().select(index));
        String button = "#action-" + command.name();
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(button).tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        Node b = robot.lookup(button).query();
        // Fired later, not through interact: the question waits in a nested event loop until it is answered.
        Platform.runLater(((javafx.scene.control.ButtonBase) b)::fire);
        String pane = "#" + command.name().toLowerCase(java.util.Locale.ROOT) + "Confirmation";
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(pane).tryQuery().isPresent());
        return robot.lookup(pane).queryAs(DialogPane.class);
    }

    private static boolean closed(DialogPane pane) throws Exception {
        return onFx(() -> pane.getScene() == null || !pane.getScene().getWindow().isShowing());
    }

    private static String text(FxRobot robot, DialogPane pane) throws Exception {
        return onFx(() -> robot.from(pane).lookup("#confirmationText").queryAs(Label.class).getText());
    }

    private static ButtonType button(DialogPane pane, ButtonBar.ButtonData data) {
        return pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data).findFirst().orElseThrow();
    }

    private static void press(FxRobot robot, DialogPane pane, ButtonBar.ButtonData data) throws Exception {
        Button b = onFx(() -> (Button) pane.lookupButton(button(pane, data)));
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
