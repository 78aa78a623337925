package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.text;
import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.tools.DemoServer;
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
 * The README's promise for {@code ./sitesign demo}: a newcomer signs a demo contract with nothing but what
 * the server prints. Against the demo server (its demo data, in-process), with the app already trusting it as
 * the script arranges: log in as the signer the printout names for a 署名待ち contract with the printed
 * password, open that contract, press 署名する…, pick the printed PKCS#12 file, its key alias and PIN, click
 * on the page to place the seal, sign — the dialog shows the signature verified, and the server has it.
 */
@ExtendWith(ApplicationExtension.class)
class DemoSigningIT {
    static DemoServer demo;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void startDemo() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Start
    void start(Stage stage) {
        ui = new FlowRobot(new FxRobot());
        ui.open(stage, home, demo.server());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void theSignerNamedInTheDemoPrintoutSignsTheirAwaitingContractWithThePrintedKeyAndSeesItVerified(FxRobot robot)
            throws Exception {
        DemoServer.Awaiting awaiting = demo.awaiting().stream().filter(a -> demo.login(a.userId()).signs())
                .findFirst().orElseThrow(() -> new AssertionError("the printout names no signer with a key:\n"
                        + demo.credentials()));
        DemoServer.Login signer = demo.login(awaiting.userId());
        assertThat(signer.p12()).as("the printed key file exists").isRegularFile();

        ui.login(signer.userId(), signer.password());
        waitUntil(() -> ui.rows().stream().anyMatch(r -> awaiting.number().equals(r.number())));
        ContractRow row = ui.rows().stream().filter(r -> awaiting.number().equals(r.number())).findFirst()
                .orElseThrow();
        assertThat(row.state()).isEqualTo(jp.sitesign.model.contract.ContractStatus.AWAITING_SIGNATURE);
        assertThat(row.status()).as("whose turn: this signer's").startsWith("署名待ち（自社・");
        ui.open(row.title());
        waitUntil(() -> !robot.lookup("#signContractButton").query().isDisabled());
        ui.press("#signContractButton");

        Parent dialog = ui.window("contracts.window.signing");
        // It says what is signed, and shows no error before the user has done anything.
        assertThat(ui.label(dialog, "#what-0")).isEqualTo(awaiting.number());
        assertThat(ui.label(dialog, "#what-1")).isEqualTo(row.title());
        assertThat(ui.label(dialog, "#errorLabel")).isEmpty();
        ui.press(dialog, "#fileRadio");
        ui.nextFile(signer.p12());
        ui.press(dialog, "#fileButton");
        waitUntil(() -> signer.p12().toString().equals(ui.label(dialog, "#fileLabel")));
        PasswordField pin = robot.from(dialog).lookup("#pinField").query();
        robot.clickOn(pin).write(signer.pin());

        // The seal: a click on the page preview (the dialog signs only with a placement or 印影なし).
        ButtonBase sign = robot.from(dialog).lookup("#signButton").query();
        waitUntil(() -> robot.from(dialog).lookup("#pageImage").<javafx.scene.image.ImageView>query().getImage() != null);
        assertThat(sign.isDisabled()).as("no seal placed yet").isTrue();
        ScrollPane page = robot.from(dialog).lookup("#pageScroll").query();
        robot.clickOn(page);
        waitUntil(() -> !sign.isDisabled());

        ui.press(dialog, "#signButton");
        TextArea report = robot.from(dialog).lookup("#reportArea").query();
        waitUntil(() -> !report.getText().isEmpty() || !ui.label(dialog, "#errorLabel").isEmpty());
        assertThat(ui.label(dialog, "#errorLabel")).as("no error after signing").isEmpty();
        assertThat(report.getText()).startsWith(text("signing.valid"));
        // Done: 署名する cannot be pressed again, the result names no internal id, and Escape closes the window.
        assertThat(sign.isDisabled()).isTrue();
        assertThat(ui.label(dialog, "#statusLabel")).isEqualTo(text("signing.done.plain"))
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        Stage window = (Stage) dialog.getScene().getWindow();
        assertThat(window.getModality()).as("modal, owned by the main window").isNotEqualTo(javafx.stage.Modality.NONE);
        assertThat(window.getOwner()).isNotNull();
        robot.interact(() -> robot.lookup("#closeButton").queryButton().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !window.isShowing());

        // Sent at the next sync: the server has this signer's signature on the contract.
        ui.synced();
        String token = demo.server().api().login(signer.userId(), signer.password());
        int party = "発注者".equals(signer.side()) ? 0 : 1;
        waitUntil(() -> demo.server().api().get("/api/v1/contracts/" + row.id(), token).json()
                .get("parties").get(party).get("signed").asBoolean());
    }
}
