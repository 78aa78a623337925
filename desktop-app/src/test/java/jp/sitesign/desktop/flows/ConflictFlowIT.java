package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.text;
import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.server.testing.ApiClient;
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
 * A conflict through the real window: while the user has a draft open in the editor, a colleague changes
 * the same draft on the server (another client, here the REST API); the user's save reaches the server on
 * the old revision and comes back as a conflict. The status bar's 競合 link opens the 対応が必要 tab, which
 * shows both versions; "keep mine" puts the user's version on the server. A second conflict resolved with
 * "keep theirs" leaves the colleague's version, on the server and in the list.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictFlowIT {
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String colleague;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        colleague = server.api().login(a.member().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = new FlowRobot(new FxRobot());
        ui.open(stage, home, server);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private static Map<String, Object> draft(String title) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", title);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        return d;
    }

    private static String create(String title) {
        ApiClient.Response created = server.api().post("/api/v1/contracts", colleague, draft(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The colleague's edit: the title changes on the server, one revision on. */
    private static void editOnServer(String id, String title) {
        editOnServer(id, title, null);
    }

    /** The colleague's edit of the title and, unless null, the amount (tax included). */
    private static void editOnServer(String id, String title, Long amountYen) {
        long revision = onServer(id).get("revision").asLong();
        Map<String, Object> d = draft(title);
        d.put("revision", revision);
        if (amountYen != null) {
            d.put("amountYen", amountYen);
            d.put("taxIncluded", true);
        }
        ApiClient.Response edited = server.api().put("/api/v1/contracts/" + id, colleague, d);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    private static JsonNode onServer(String id) {
        return server.api().get("/api/v1/contracts/" + id, colleague).json();
    }

    /**
     * Opens {@code title} in the editor, lets the colleague change it to {@code theirs} meanwhile, saves
     * {@code mine}, and waits for the server's answer: a conflict in the status bar.
     */
    private void editConcurrently(String title, String theirs, String mine, String id) throws Exception {
        editConcurrently(title, theirs, null, mine, id);
    }

    private void editConcurrently(String title, String theirs, Long theirAmount, String mine, String id)
            throws Exception {
        select(title);
        ui.press("#editContractButton");
        Parent editor = ui.window("contracts.window.editor");
        waitUntil(() -> title.equals(ui.label(editor, "#titleField")));
        editOnServer(id, theirs, theirAmount);
        ui.type(editor, "#titleField", mine);
        ui.press(editor, "#saveButton");
        assertThat(ui.label(editor, "#messageLabel")).isEqualTo(text("editor.saved"));
        ui.closeWindow(editor);
        String oneConflict = I18n.format(FlowRobot.TEXTS, "status.conflicts", 1);
        waitUntil(() -> oneConflict.equals(ui.label(".status-bar #conflictsLabel")));
    }

    /**
     * Clicks the row titled {@code title} until it is the selected one: a sync that lands between finding the
     * row and the click re-sorts the list, and the click then hits the other draft. (The list's tab first: the
     * status bar's link may have left the 対応が必要 tab in front.)
     */
    private void select(String title) throws Exception {
        TabPane tabs = ui.fx().lookup(".tab-pane").queryAs(TabPane.class);
        ui.fx().interact(() -> tabs.getSelectionModel().select(0));
        waitUntil(() -> ui.rows().stream().anyMatch(r -> title.equals(r.title())));
        Predicate<Node> shows = n -> n instanceof TableRow<?> r && r.getItem() instanceof ContractRow item
                && title.equals(item.title());
        for (int attempt = 0; attempt < 10; attempt++) {
            ui.fx().lookup(".table-row-cell").match(shows).tryQuery().ifPresent(n -> ui.fx().clickOn(n));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                    ContractRow selected = ui.table().getSelectionModel().getSelectedItem();
                    return selected != null && title.equals(selected.title());
                });
                return;
            } catch (TimeoutException e) {
                // Clicked a row that moved: try again.
            }
        }
        assertThat(ui.table().getSelectionModel().getSelectedItem()).extracting(ContractRow::title).isEqualTo(title);
    }

    /** Clicks the status bar's 競合 link; the 対応が必要 tab comes to the front with the conflict's card. */
    private Node openConflictFromStatusBar(String id) throws Exception {
        Hyperlink link = ui.fx().lookup(".status-bar #conflictsLabel").queryAs(Hyperlink.class);
        assertThat(link.isVisible()).isTrue();
        ui.fx().interact(link::fire);
        TabPane tabs = ui.fx().lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("attentionTab");
        waitUntil(() -> ui.fx().lookup(".attention-card").tryQuery().isPresent());
        return ui.fx().lookup(".attention-card").query();
    }

    /** The texts on the card: heading, explanation and the comparison (field, mine, theirs per row). */
    private List<String> texts(Node card) {
        return ui.fx().from(card).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    @Test
    void aDraftChangedOnTheServerWhileEditedIsAConflictResolvedFromTheStatusBarByKeepingEitherVersion()
            throws Exception {
        String first = create("倉庫 改修工事 注文書");
        String second = create("詰所 解体工事 注文書");
        ui.login(a.member().value());
        ui.synced();

        editConcurrently("倉庫 改修工事 注文書", "倉庫 改修工事 注文書（同僚の版）", "倉庫 改修工事 注文書（私の版）", first);
        Node card = openConflictFromStatusBar(first);
        assertThat(texts(card)).as("both versions side by side")
                .contains("倉庫 改修工事 注文書（私の版）", "倉庫 改修工事 注文書（同僚の版）");
        ui.press(card, "#keepMineButton");
        ui.synced();
        waitUntil(() -> "倉庫 改修工事 注文書（私の版）".equals(onServer(first).get("title").asText()));
        assertThat(onServer(first).get("title").asText()).isEqualTo("倉庫 改修工事 注文書（私の版）");
        waitUntil(() -> !ui.fx().lookup(".status-bar #conflictsLabel").query().isVisible());

        editConcurrently("詰所 解体工事 注文書", "詰所 解体工事 注文書（同僚の版）", "詰所 解体工事 注文書（私の版）", second);
        card = openConflictFromStatusBar(second);
        assertThat(texts(card)).contains("詰所 解体工事 注文書（私の版）", "詰所 解体工事 注文書（同僚の版）");
        ui.press(card, "#keepTheirsButton");
        waitUntil(() -> !ui.fx().lookup(".status-bar #conflictsLabel").query().isVisible());
        ui.synced();
        assertThat(onServer(second).get("title").asText()).isEqualTo("詰所 解体工事 注文書（同僚の版）");
        waitUntil(() -> ui.rows().stream().anyMatch(r -> "詰所 解体工事 注文書（同僚の版）".equals(r.title())));
        assertThat(ui.rows()).extracting(r -> r.title()).as("the list shows theirs, mine is gone")
                .contains("詰所 解体工事 注文書（同僚の版）", "倉庫 改修工事 注文書（私の版）")
                .doesNotContain("詰所 解体工事 注文書（私の版）", "詰所 解体工事 注文書");
    }

    @Test
    void aConflictMergedFieldByFieldPutsTheUsersTitleAndTheColleaguesAmountOnTheServer() throws Exception {
        String id = create("資材置場 整地工事 注文書");
        ui.login(a.member().value());
        ui.synced();

        editConcurrently("資材置場 整地工事 注文書", "資材置場 整地工事 注文書", 2_400_000L, "資材置場 整地工事 注文書（私の版）", id);
        Node card = openConflictFromStatusBar(id);
        ui.press(card, "#mergeButton");
        Parent merge = ui.window("merge.window");
        assertThat(ui.label(merge, "#result-TITLE")).as("the server's version first").isEqualTo("資材置場 整地工事 注文書");
        ui.press(merge, "#mine-TITLE");
        assertThat(ui.label(merge, "#result-TITLE")).isEqualTo("資材置場 整地工事 注文書（私の版）");
        assertThat(ui.label(merge, "#result-AMOUNT")).contains("2,400,000");
        ui.press(merge, "#saveButton");

        waitUntil(() -> !ui.fx().lookup(".status-bar #conflictsLabel").query().isVisible());
        ui.synced();
        waitUntil(() -> "資材置場 整地工事 注文書（私の版）".equals(onServer(id).get("title").asText()));
        JsonNode onServer = onServer(id);
        assertThat(onServer.get("title").asText()).as("mine").isEqualTo("資材置場 整地工事 注文書（私の版）");
        assertThat(onServer.get("amountYen").asLong()).as("the colleague's").isEqualTo(2_400_000L);
    }
}
