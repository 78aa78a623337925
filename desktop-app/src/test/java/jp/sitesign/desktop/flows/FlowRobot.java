package jp.sitesign.desktop.flows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.sitesign.desktop.app.EntryFlow;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.login.ServerTrustFile;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.FileChoice;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.server.testing.TestServer;
import org.testfx.api.FxRobot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

/**
 * Drives the real app window (the entry flow, the main window and the windows it opens) as a user does:
 * types into fields, presses buttons by id, picks rows; waits for what the app does in the background by
 * polling with a generous timeout. The only stand-in is the file dialog: {@link #nextFile(Path)} is what
 * the user picks in it.
 */
final class FlowRobot {
    static final ResourceBundle TEXTS = I18n.bundle(Language.JA);

    private final FxRobot robot;
    private final AtomicReference<Path> nextFile = new AtomicReference<>();
    private EntryFlow flow;
    private PageRenderer renderer;

    FlowRobot(FxRobot robot) {
        this.robot = robot;
    }

    static String text(String key) {
        return TEXTS.getString(key);
    }

    /**
     * Opens the app's window on {@code home} as after a first run that trusted {@code server} (the first run
     * itself is EntryFlowIT's subject).
     */
    void open(Stage stage, Path home, TestServer server) {
        open(stage, home, URI.create(server.server().baseUrl()), server);
    }

    void open(Stage stage, Path home, URI address, TestServer server) {
        open(stage, home, address, server, new Settings());
    }

    /** The same with {@code settings} as the app starts with them (e.g. English). */
    void open(Stage stage, Path home, TestServer server, Settings settings) {
        open(stage, home, URI.create(server.server().baseUrl()), server, settings);
    }

    private void open(Stage stage, Path home, URI address, TestServer server, Settings settings) {
        new ServerTrustFile(home).save(new ServerTrustFile.ServerTrust(address, server.server().tls().certificate()));
        renderer = PageRenderer.withPdfBox();
        flow = new EntryFlow(stage, home, settings, new SettingsFile(home), renderer, Clock.systemUTC());
        flow.files(chooser());
        flow.start();
        stage.show();
    }

    void close() {
        if (flow != null) {
            flow.close();
        }
        if (renderer != null) {
            renderer.close();
        }
    }

    private FileChoice chooser() {
        return (Window owner, String title, List<DialogService.FileKind> kinds) ->
                Optional.ofNullable(nextFile.getAndSet(null));
    }

    /** What the user will pick in the next file dialog. */
    void nextFile(Path file) {
        nextFile.set(file);
    }

    /** Logs in through the login screen and waits for the main window to say it is online. */
    void login(String userId) throws Exception {
        login(userId, TestServer.PASSWORD);
    }

    /** Logs in with a password of the user's own (the demo's printed ones). */
    void login(String userId, String password) throws Exception {
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        type("#userId", userId);
        type("#password", password);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#onlineLabel").tryQuery().isPresent());
        waitUntil(() -> text("status.online").equals(label("#onlineLabel")));
    }

    void logout() throws Exception {
        press("#logoutButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
    }

    /** Waits until the status bar says nothing is waiting to be sent. */
    void synced() throws Exception {
        waitUntil(() -> text("status.pending.none").equals(pending()));
    }

    /** The status bar's pending count (the contract detail has a label of the same id). */
    String pending() {
        return label(".status-bar #pendingLabel");
    }

    void type(String query, String value) {
        type(robot.lookup(query).queryAs(TextInputControl.class), value);
    }

    void type(Node from, String query, String value) {
        type(robot.from(from).lookup(query).queryAs(TextInputControl.class), value);
    }

    private void type(TextInputControl field, String value) {
        robot.interact(() -> {
            field.requestFocus();
            field.setText(value);
        });
    }

    /** Presses a button (or ticks a check box) the way a click does, even where it is scrolled out of view. */
    void press(String query) {
        ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
        assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
        robot.interact(b::fire);
    }

    /**
     * Presses an action that asks first (approve, return, withdraw, decline, delete) and answers its question with
     * its confirm button, typing {@code reason} where it asks for one (null where it does not).
     */
    void pressAndConfirm(String query, String dialogId, String reason) throws Exception {
        ButtonBase b = robot.lookup(query).queryAs(ButtonBase.class);
        assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
        // Fired later, not through interact: the question waits in a nested event loop until it is answered.
        javafx.application.Platform.runLater(b::fire);
        waitUntil(() -> robot.lookup("#" + dialogId).tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#" + dialogId).queryAs(javafx.scene.control.DialogPane.class);
        if (reason != null) {
            robot.interact(() -> robot.from(pane).lookup("#reasonField").queryAs(TextInputControl.class).setText(reason));
        }
        javafx.scene.control.ButtonType ok = pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).findFirst()
                .orElseThrow();
        javafx.application.Platform.runLater(((ButtonBase) pane.lookupButton(ok))::fire);
        waitUntil(() -> robot.lookup("#" + dialogId).tryQuery().isEmpty());
    }

    void press(Node from, String query) {
        ButtonBase b = robot.from(from).lookup(query).queryAs(ButtonBase.class);
        assertThat(b.isDisabled()).as("%s is enabled", query).isFalse();
        robot.interact(b::fire);
    }

    /** Picks {@code value} in a combo box or date picker. */
    <T> void choose(Node from, String query, T value) {
        @SuppressWarnings("unchecked")
        ComboBoxBase<T> box = robot.from(from).lookup(query).queryAs(ComboBoxBase.class);
        robot.interact(() -> box.setValue(value));
    }

    /** Ticks exactly {@code values} in the {@code CheckComboBox} at {@code query} (none: every one unticked). */
    @SafeVarargs
    final <T> void tick(Node from, String query, T... values) {
        @SuppressWarnings("unchecked")
        org.controlsfx.control.CheckComboBox<T> box = robot.from(from).lookup(query)
                .queryAs(org.controlsfx.control.CheckComboBox.class);
        robot.interact(() -> {
            box.getCheckModel().clearChecks();
            for (T v : values) {
                box.getCheckModel().check(v);
            }
        });
    }

    String label(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText()
                : ((TextInputControl) n).getText()).orElse(null);
    }

    String label(Node from, String query) {
        Node n = robot.from(from).lookup(query).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    /** The root of the open window titled {@code titleKey}'s text (the editor, the signing dialog). */
    Parent window(String titleKey) throws Exception {
        String title = text(titleKey);
        waitUntil(() -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()));
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                .map(w -> w.getScene().getRoot()).findFirst().orElseThrow();
    }

    void closeWindow(Parent root) {
        robot.interact(() -> ((Stage) root.getScene().getWindow()).close());
    }

    @SuppressWarnings("unchecked")
    TableView<ContractRow> table() {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    List<ContractRow> rows() {
        return List.copyOf(table().getItems());
    }

    /**
     * Waits for the list to show a row titled {@code title}, clicks it, and waits until the detail shows it (it
     * loads on a background thread; a user would not press its buttons before they see it).
     *
     * <p>A sync in the background may refresh the list between finding the row and clicking it: the table then
     * rebuilds its cells, and the cell found a moment ago is gone or shows another contract. So the robot does
     * what a user does when a list moves under the mouse: it looks again and clicks again until the row it wants
     * is the selected one.
     */
    ContractRow open(String title) throws Exception {
        waitUntil(() -> rows().stream().anyMatch(r -> title.equals(r.title())));
        ContractRow row = rows().stream().filter(r -> title.equals(r.title())).findFirst().orElseThrow();
        java.util.function.Predicate<Node> shows = n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof ContractRow item && item.id().equals(row.id()) && n.isVisible();
        waitUntil(() -> {
            if (selected(row)) {
                return true;
            }
            robot.interact(() -> table().getItems().stream().filter(r -> r.id().equals(row.id())).findFirst()
                    .ifPresent(r -> table().scrollTo(r)));
            var cell = robot.from(table()).lookup(".table-row-cell").match(shows).<Node>tryQuery();
            if (cell.isEmpty()) {
                return false;
            }
            robot.clickOn(cell.get());
            robot.interact(() -> { });
            return selected(row);
        });
        waitUntil(() -> title.equals(label("#heading")));
        return row;
    }

    private boolean selected(ContractRow row) {
        ContractRow chosen = table().getSelectionModel().getSelectedItem();
        return chosen != null && row.id().equals(chosen.id());
    }

    FxRobot fx() {
        return robot;
    }

    EntryFlow flow() {
        return flow;
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitFor(60, TimeUnit.SECONDS, condition);
    }
}
