package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.text;
import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.stage.Stage;
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

/**
 * Working without the server through the real window: the server goes away while the user is logged in,
 * the status bar says オフライン; the user edits a draft and saves, the status bar counts it as 1 pending;
 * the server comes back on the same address with the same data, the app notices by itself, sends the
 * edit (pending back to none, online again) and the server holds the new title.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineEditFlowIT {
    private static final String BEFORE = "倉庫 改修工事 注文書";
    private static final String AFTER = "倉庫 改修工事 注文書（第2版）";

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String member;
    static String draftId;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void seed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // A fixed port, so that the restarted server is at the address the app trusts.
        server = TestServer.start(Map.of("port", Integer.toString(port)));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        member = server.api().login(a.member().value(), TestServer.PASSWORD);
        ApiClient.Response created = server.api().post("/api/v1/contracts", member, Map.of("form", "BILATERAL",
                "title", BEFORE, "counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId",
                        b.member().value())), "route", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        draftId = created.json().get("id").asText();
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

    @Test
    void anEditSavedWhileTheServerIsDownIsSentWhenItComesBack(FxRobot robot) throws Exception {
        ui.login(a.member().value());
        ui.synced();
        ui.open(BEFORE);

        server.server().close();
        // The app finds out at its next sync; saving the edit below asks for one at once.
        ui.press("#editContractButton");
        Parent editor = ui.window("contracts.window.editor");
        waitUntil(() -> BEFORE.equals(ui.label(editor, "#titleField")));
        ui.type(editor, "#titleField", AFTER);
        ui.press(editor, "#saveButton");
        assertThat(ui.label(editor, "#errorLabel")).isEmpty();
        assertThat(ui.label(editor, "#messageLabel")).isEqualTo(text("editor.saved"));
        ui.closeWindow(editor);

        waitUntil(() -> text("status.offline").equals(ui.label("#onlineLabel")));
        String onePending = I18n.format(FlowRobot.TEXTS, "status.pending", 1);
        waitUntil(() -> onePending.equals(ui.pending()));
        waitUntil(() -> ui.rows().stream().anyMatch(r -> AFTER.equals(r.title())));
        assertThat(ui.rows()).as("the list shows the edit at once, offline").extracting(r -> r.title())
                .contains(AFTER).doesNotContain(BEFORE);

        server.restart();

        ui.synced();
        waitUntil(() -> text("status.online").equals(ui.label("#onlineLabel")));
        JsonNode onServer = server.api().get("/api/v1/contracts/" + draftId,
                server.api().login(a.member().value(), TestServer.PASSWORD)).json();
        assertThat(onServer.get("title").asText()).isEqualTo(AFTER);
        assertThat(onServer.get("status").asText()).isEqualTo("DRAFT");
    }
}
