package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.text;
import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.sitesign.desktop.signing.BulkSigningViewModel;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
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
 * 一括署名 through the real window against the real server on loopback: a signer with three contracts waiting on
 * their signature opens 一括署名 from the contracts toolbar, sees the three (number, title, counterparty, amount,
 * all ticked), unticks one, picks their PKCS#12 file, types the PIN once, confirms "2 件の契約に署名します", and
 * sees each contract's result; after the sync the server has the signatures of the two ticked contracts only.
 */
@ExtendWith(ApplicationExtension.class)
class BulkSigningFlowIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aMember;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void seed() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        String aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        signers.grant(server.api(), aAdmin, "元請建設株式会社", a.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
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
    void theSignerUnticksOneOfThreeWaitingContractsSignsTheOthersWithOnePinAndTheServerHasExactlyThose(FxRobot robot)
            throws Exception {
        List<String> titles = List.of("一括 北棟 電気設備工事", "一括 南棟 空調設備工事", "一括 東棟 給排水工事");
        List<String> ids = new java.util.ArrayList<>();
        for (String title : titles) {
            ids.add(TestContracts.awaitingSignature(server.api(), aMember, a, b, title, TestPdfs.multiPage(2)).get("id").asText());
        }
        ui.login(a.member2().value());
        waitUntil(() -> ui.rows().stream().filter(r -> titles.contains(r.title())).count() == 3);

        ui.press("#bulkSignButton");
        Parent window = ui.window("bulk.window");
        TableView<BulkSigningViewModel.Row> table = robot.from(window).lookup("#bulkTable").query();
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(r -> r.entry().title()).containsExactlyInAnyOrderElementsOf(titles);
        assertThat(table.getItems()).allSatisfy(r -> {
            assertThat(r.tickedProperty().get()).as("all ticked at first").isTrue();
            assertThat(r.entry().counterparty()).isNotBlank();
            assertThat(r.entry().amount()).contains("3,300,000");
        });
        // The user unticks the second contract's box in the list.
        String skipped = titles.get(1);
        CheckBox box = robot.from(table).lookup(".table-row-cell")
                .match(n -> n instanceof TableRow<?> row && row.getItem() instanceof BulkSigningViewModel.Row r
                        && skipped.equals(r.entry().title()))
                .lookup(".check-box").query();
        robot.interact(box::fire);
        assertThat(table.getItems().stream().filter(r -> skipped.equals(r.entry().title())).findFirst().orElseThrow()
                .tickedProperty().get()).isFalse();

        ui.press(window, "#fileRadio");
        ui.nextFile(signers.keyFile(a.member2()));
        ui.press(window, "#fileButton");
        waitUntil(() -> signers.keyFile(a.member2()).toString().equals(ui.label(window, "#fileLabel")));
        PasswordField pin = robot.from(window).lookup("#pinField").query();
        robot.clickOn(pin).write(new String(signers.password()));

        // 署名する asks first, naming how many contracts.
        ButtonBase sign = robot.from(window).lookup("#signAllButton").queryAs(ButtonBase.class);
        assertThat(sign.isDisabled()).isFalse();
        Platform.runLater(sign::fire);
        waitUntil(() -> robot.lookup("#bulkConfirm").tryQuery().isPresent());
        DialogPane question = robot.lookup("#bulkConfirm").queryAs(DialogPane.class);
        assertThat(question.getContentText()).startsWith("2 件の契約に署名します");
        ButtonBase yes = (ButtonBase) question.lookupButton(question.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow());
        Platform.runLater(yes::fire);

        waitUntil(() -> ui.label(window, "#statusLabel").startsWith("署名しました: 2 件、署名していないもの: 0 件"));
        assertThat(ui.label(window, "#progressLabel")).isEqualTo("2 / 2 件");
        assertThat(ui.label(window, "#errorLabel")).isEmpty();
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.resultProperty().get())
                .isEqualTo(skipped.equals(r.entry().title()) ? "" : text("bulk.row.signed")));
        assertThat(pin.getText()).as("the PIN is not kept in the window").isEmpty();
        // Done and not signing: Escape closes the window.
        Stage stage = (Stage) window.getScene().getWindow();
        robot.interact(() -> robot.from(window).lookup("#closeButton").queryButton().requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !stage.isShowing());

        ui.synced();
        String token = server.api().login(a.member2().value(), TestServer.PASSWORD);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean wanted = !skipped.equals(titles.get(i));
            if (wanted) {
                waitUntil(() -> signed(id, token));
            }
            assertThat(signed(id, token)).as("%s signed on the server", titles.get(i)).isEqualTo(wanted);
        }
    }

    private static boolean signed(String id, String token) {
        return server.api().get("/api/v1/contracts/" + id, token).json().get("parties").get(0).get("signed")
                .asBoolean();
    }

}
