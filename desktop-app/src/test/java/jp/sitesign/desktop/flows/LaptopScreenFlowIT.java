package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
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
 * The real window on a 1366×768 laptop (1366×728 above a Windows taskbar), logged in to the real server: the
 * status bar is on screen, and the list shows status, 文書管理番号, title, counterparty, amount, 取引年月日 and the
 * signing deadline side by side without sideways scrolling, none of those cut short; the amount is right-aligned
 * with ¥ and commas, the status is a coloured chip, and the deadline counts its days. The menu bar's shortcuts
 * (Ctrl+F search, Ctrl+, settings) work from the keyboard. In English, whose longer words once wrapped the status
 * chip onto a cut third line and cut the amount's tax note and the 取引年月日 header, those are read whole too.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopScreenFlowIT {
    static final double WIDTH = 1366;
    static final double HEIGHT = 728;
    private static final String METHOD = "SiteSign による電子契約（PDF・電子署名）";
    private static final String TITLE = "（仮称）みらい台 集合住宅 新築工事 請負契約書";

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;

    @TempDir
    static Path home;
    private FlowRobot ui;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("みらい工務店株式会社");
        ApiClient api = server.api();
        String aAdmin = api.login(a.admin().value(), TestServer.PASSWORD);
        ApiClient.Response proposed = api.post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", METHOD));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        ApiClient.Response consent = api.post("/api/v1/partnerships/" + proposed.json().get("id").asLong()
                + "/consent", api.login(b.admin().value(), TestServer.PASSWORD),
                Map.of("methodSha256", Digests.sha256Hex(METHOD.getBytes(StandardCharsets.UTF_8))));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.member2());
        awaitingSignature(api.login(a.member().value(), TestServer.PASSWORD));
    }

    /** DEMO-2026-005 as in the review: a long title, ¥36,300,000 and a deadline 13 days from today, sent for signing. */
    private static void awaitingSignature(String token) {
        ApiClient api = server.api();
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("managementNumber", "DEMO-2026-005");
        d.put("title", TITLE);
        d.put("transactionDate", "2026-12-03");
        d.put("amountYen", 36_300_000L);
        d.put("taxIncluded", true);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        d.put("deadline", JapanTime.endOfDayExclusive(LocalDate.now(JapanTime.ZONE).plusDays(13)).toString());
        ApiClient.Response created = api.post("/api/v1/contracts", token, d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode k = created.json();
        ApiClient.Response attached = api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText()
                + "/document?revision=" + k.get("revision").asLong(), token, TestPdfs.multiPage(1),
                Map.of("Content-Type", "application/pdf"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        ApiClient.Response sent = api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", token,
                Map.of("revision", attached.json().get("revision").asLong()));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        ui = new FlowRobot(robot);
        ui.open(stage, home, server);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatusBarAndTheKeyColumnsFitA1366x768LaptopWithoutSidewaysScrolling() throws Exception {
        ui.login(a.member().value());
        ui.synced();
        TableView<ContractRow> table = ui.table();
        waitUntil(() -> onFx(() -> table.getItems().size() == 1));
        WaitForAsyncUtils.waitForFxEvents();

        Node statusBar = robot.lookup(".status-bar").query();
        Stage stage = (Stage) statusBar.getScene().getWindow();
        assertThat(onFx(stage::getHeight)).as("logging in did not resize the window").isEqualTo(HEIGHT);
        assertThat(onFx(stage::getWidth)).isEqualTo(WIDTH);
        Bounds bar = onFx(() -> statusBar.localToScene(statusBar.getBoundsInLocal()));
        double sceneHeight = onFx(() -> statusBar.getScene().getHeight());
        assertThat(bar.getHeight()).as("the status bar has a height").isGreaterThan(10);
        assertThat(bar.getMaxY()).as("the status bar is inside the window").isLessThanOrEqualTo(sceneHeight + 0.5);
        assertThat(onFx(() -> statusBar.isVisible())).isTrue();
        assertThat(ui.label(".status-bar #pendingLabel")).isEqualTo(FlowRobot.text("status.pending.none"));

        assertThat(onFx(() -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL)
                .anyMatch(Node::isVisible))).as("no sideways scrolling").isFalse();
        Node navigation = robot.lookup(".navigation").query();
        assertThat(onFx(() -> navigation.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL)
                .anyMatch(Node::isVisible))).as("the navigation does not scroll sideways").isFalse();
        assertThat(onFx(() -> navigation.lookupAll(".text").stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> ((Text) n).getText()).filter(t -> !t.isEmpty()).toList()))
                .as("every section's name is whole").contains("PDFを開く", "契約一覧", "設定")
                .noneMatch(t -> t.contains("…"));
        List<String> keyColumns = List.of("statusColumn", "numberColumn", "titleColumn", "counterpartyColumn",
                "amountColumn", "dateColumn", "deadlineColumn");
        double tableWidth = onFx(table::getWidth);
        for (String id : keyColumns) {
            TableColumn<ContractRow, ?> column = onFx(() -> table.getColumns().stream()
                    .filter(c -> id.equals(c.getId())).findFirst().orElseThrow());
            assertThat(onFx(column::isVisible)).as("%s is shown", id).isTrue();
            assertThat(onFx(column::getWidth)).as("%s has room", id).isGreaterThan(40);
        }
        double right = onFx(() -> table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertThat(right).as("the columns together fit the table").isLessThanOrEqualTo(tableWidth);

        // The values that must be read whole are not cut: amount, 取引年月日, the status chip and the deadline.
        TableCell<?, ?> amount = cell(table, "amount-cell");
        assertThat(onFx(amount::getText)).isEqualTo("¥36,300,000（税込）");
        assertThat(onFx(amount::getAlignment)).as("amounts line up on the right").isEqualTo(Pos.CENTER_RIGHT);
        assertThat(drawn(amount)).as("the amount is not cut").isEqualTo("¥36,300,000（税込）");
        Node chip = robot.from(table).lookup(".status-chip").query();
        assertThat(onFx(() -> chip.getStyleClass())).contains("chip-signature");
        ContractRow row = onFx(() -> table.getItems().get(0));
        assertThat(row.deadline()).endsWith("（あと13日）");
        assertThat(drawn(chip)).as("the status is not cut").isEqualTo(row.status());
        for (TableCell<?, ?> c : onFx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> c.getTableColumn() != null
                        && List.of("dateColumn", "deadlineColumn").contains(c.getTableColumn().getId())
                        && c.getText() != null && !c.getText().isEmpty()).toList())) {
            assertThat(drawn(c)).as("%s is not cut (columns %s)", c.getTableColumn().getId(), onFx(() -> table
                    .getVisibleLeafColumns().stream().map(k -> k.getId() + "=" + Math.round(k.getWidth())).toList()))
                    .isEqualTo(onFx(c::getText));
        }
    }

    @Test
    void theMenuBarsShortcutsReachTheSearchAndTheSettings() throws Exception {
        ui.login(a.member().value());
        ui.synced();
        javafx.scene.control.MenuBar menu = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(onFx(() -> menu.getMenus().stream().map(javafx.scene.control.Menu::getText).toList()))
                .containsExactly("ファイル(_F)", "表示(_V)", "ヘルプ(_H)");
        robot.interact(() -> ui.table().requestFocus());

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> robot.lookup("#titleField").query().isFocused()));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.COMMA)
                .release(javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#dateStyleChoice").tryQuery().isPresent());
    }

    @Test
    void inEnglishTheStatusTheAmountAndTheHeadersAreNotCutAt1366x768() throws Exception {
        ResourceBundle en = I18n.bundle(Language.EN);
        ui.close();
        Settings english = new Settings();
        english.languageProperty().set(Language.EN);
        Path englishHome = java.nio.file.Files.createDirectories(home.resolve("en"));
        ui = new FlowRobot(robot);
        robot.interact(() -> ui.open(stage, englishHome, server, english));
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        ui.type("#userId", a.member().value());
        ui.type("#password", TestServer.PASSWORD);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#onlineLabel").tryQuery().isPresent()
                && en.getString("status.online").equals(ui.label("#onlineLabel")));
        waitUntil(() -> en.getString("status.pending.none").equals(ui.pending()));
        TableView<ContractRow> table = ui.table();
        waitUntil(() -> onFx(() -> table.getItems().size() == 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL)
                .anyMatch(Node::isVisible))).as("no sideways scrolling").isFalse();
        ContractRow row = onFx(() -> table.getItems().get(0));
        assertThat(row.status()).as("whose turn, in the English words").isEqualTo("For signature (us, 試験 一般二)");
        assertThat(drawn(robot.from(table).lookup(".status-chip").query())).as("the status chip is not cut")
                .isEqualTo(row.status());
        TableCell<?, ?> amount = cell(table, "amount-cell");
        assertThat(onFx(amount::getText)).isEqualTo("¥36,300,000 (tax incl.)");
        assertThat(drawn(amount)).as("the amount's tax note is not cut").isEqualTo("¥36,300,000 (tax incl.)");
        for (String id : List.of("statusColumn", "numberColumn", "amountColumn", "dateColumn", "deadlineColumn")) {
            String name = onFx(() -> table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                    .orElseThrow().getText());
            Node header = onFx(() -> table.lookupAll(".column-header .label").stream()
                    .filter(n -> n instanceof javafx.scene.control.Label l && name.equals(l.getText())).findFirst()
                    .orElseThrow());
            assertThat(drawn(header)).as("the header of %s is not cut", id).isEqualTo(name);
        }
        for (TableCell<?, ?> c : onFx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> c.getTableColumn() != null
                        && List.of("dateColumn", "deadlineColumn").contains(c.getTableColumn().getId())
                        && c.getText() != null && !c.getText().isEmpty()).toList())) {
            assertThat(drawn(c)).as("%s is not cut", c.getTableColumn().getId()).isEqualTo(onFx(c::getText));
        }
    }

    private TableCell<?, ?> cell(TableView<?> table, String styleClass) throws Exception {
        return onFx(() -> table.lookupAll("." + styleClass).stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).findFirst().orElseThrow());
    }

    /** The text a labeled node actually draws (with "…" where it had to cut). */
    private String drawn(Node labeled) throws Exception {
        return onFx(() -> labeled.lookupAll(".text").stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getText()).filter(t -> !t.isEmpty()).findFirst().orElse(""));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
