package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.text;
import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import jp.sitesign.desktop.editor.ContractEditorViewModel;
import jp.sitesign.desktop.settings.TokenLibraries;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.token.Pkcs11Slot;
import jp.sitesign.model.user.UserView;
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

/**
 * The main flow of issue 5 through the real window against the real server on loopback, with the issue's
 * cast: company A's 一般利用者 drafts a construction contract with its 19条 items for partner B (承諾 given),
 * picks the admin as approver and the owner as signer from the company directory (ADR 10), attaches the
 * PDF, saves and sends it for approval; the admin approves; the owner signs with a hardware token
 * (SoftHSM2 over PKCS#11, PIN typed in the dialog) and sees the signature verified; B's 担当者 (a member)
 * names B's signer in the route dialog; B's signer signs with a PKCS#12 file; the contract is 締結済 on
 * screen and on the server, with two signatures that poppler's pdfsig also calls valid.
 */
@ExtendWith(ApplicationExtension.class)
class MainFlowIT {
    /** The token's certificates say O=SiteSign Test; the server accepts only a company's own certificates. */
    private static final String A_NAME = "SiteSign Test";
    private static final String B_NAME = "協力工業株式会社";
    private static final String METHOD = "SiteSign による電子契約（PDF・電子署名）";
    private static final String P12_PASSWORD = "b-signer-pass";
    private static final String TITLE = "現場事務所 新築工事 請負契約書";

    static Path keys;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static Path bSignerKey;
    static Path pdf;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void seed() throws Exception {
        SoftHsmToken token = SoftHsmToken.shared();
        keys = Files.createTempDirectory("sitesign-flow-keys-");
        Path anchor = TestCa.writePem(keys.resolve("ca.pem"), token.ca().root());
        server = TestServer.start(Map.of("trust.anchors", anchor.toString()));
        a = server.createCompany(A_NAME);
        b = server.createCompany(B_NAME);
        ApiClient api = server.api();
        String aAdmin = api.login(a.admin().value(), TestServer.PASSWORD);
        String bAdmin = api.login(b.admin().value(), TestServer.PASSWORD);
        // A's owner signs with the token's RSA key; B's member2 with a PKCS#12 file of the same CA.
        TestCertificates.bind(api, aAdmin, TestCertificates.register(api, aAdmin,
                token.certificate(SoftHsmToken.RSA_ALIAS)), a.owner());
        KeyPair pair = TestCa.rsaKeyPair(2048);
        var bCert = token.ca().issueCompanySigner(pair.getPublic(), "署名者 " + b.member2().value(), B_NAME);
        bSignerKey = Pkcs12Files.write(keys.resolve("b-signer.p12"), pair, bCert, token.ca().root(), "k",
                P12_PASSWORD);
        TestCertificates.bind(api, bAdmin, TestCertificates.register(api, bAdmin, bCert), b.member2());
        // The partnership with B's 承諾.
        ApiClient.Response proposed = api.post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(b), "methodDescription", METHOD));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        ApiClient.Response consent = api.post("/api/v1/partnerships/" + proposed.json().get("id").asLong()
                + "/consent", bAdmin, Map.of("methodSha256", Digests.sha256Hex(METHOD.getBytes(StandardCharsets.UTF_8))));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        pdf = Files.write(keys.resolve("請負契約書.pdf"), TestPdfs.multiPage(2));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        try (var files = Files.walk(keys)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
    void aDraftGoesThroughApprovalAndBothSignaturesToCompletedAndShownVerified(FxRobot robot) throws Exception {
        // A's member drafts: New → the form (approver and signer from the directory) → the PDF → save → send.
        ui.login(a.member().value());
        ui.press("#newContractButton");
        Parent editor = ui.window("editor.window.new");
        fillIn(editor);
        ui.nextFile(pdf);
        ui.press(editor, "#chooseMainButton");
        waitUntil(() -> pdf.getFileName().toString().equals(ui.label(editor, "#mainLabel")));
        ui.press(editor, "#saveButton");
        assertThat(ui.label(editor, "#errorLabel")).isEmpty();
        assertThat(ui.label(editor, "#messageLabel")).isEqualTo(text("editor.saved"));
        ui.closeWindow(editor);
        ui.synced();
        String id = onlyContractOf(a.member().value()).get("id").asText();
        JsonNode k = server.api().get("/api/v1/contracts/" + id, token(a.member().value())).json();
        assertThat(k.get("title").asText()).isEqualTo(TITLE);
        assertThat(k.get("mainDocument").isNull()).as("the PDF went up with the sync").isFalse();
        assertThat(ui.label(".status-bar #conflictsLabel")).as("attach and save right after New are no conflict")
                .matches(t -> t == null || t.isEmpty() || !robot.lookup(".status-bar #conflictsLabel").query().isVisible());

        ui.open(TITLE);
        waitUntil(() -> robot.lookup("#action-SUBMIT").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ui.press("#action-SUBMIT");
        ui.synced();
        waitUntil(() -> "IN_APPROVAL".equals(status(id)));
        ui.logout();

        // A's approver (the admin) approves.
        ui.login(a.admin().value());
        ui.open(TITLE);
        waitUntil(() -> robot.lookup("#action-APPROVE").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ui.pressAndConfirm("#action-APPROVE", "approveConfirmation", null);
        ui.synced();
        waitUntil(() -> "AWAITING_SIGNATURE".equals(status(id)));
        ui.logout();

        // A's signer (the owner) signs with the token, typing the PIN.
        ui.login(a.owner().value());
        ui.open(TITLE);
        waitUntil(() -> !robot.lookup("#signContractButton").query().isDisabled());
        ui.press("#signContractButton");
        Parent dialog = ui.window("contracts.window.signing");
        TokenLibraries.Library softHsm = robot.from(dialog).lookup("#libraryChoice")
                .<javafx.scene.control.ComboBox<TokenLibraries.Library>>query().getItems().stream()
                .filter(l -> l.path().equals(SoftHsmToken.MODULE)).findFirst().orElseThrow();
        ui.choose(dialog, "#libraryChoice", softHsm);
        javafx.scene.control.ComboBox<Pkcs11Slot> slots = robot.from(dialog).lookup("#slotChoice").query();
        waitUntil(() -> slots.getItems().stream().anyMatch(s -> s.label().equals(java.util.Optional.of(SoftHsmToken.LABEL))));
        ui.choose(dialog, "#slotChoice", slots.getItems().stream()
                .filter(s -> s.label().equals(java.util.Optional.of(SoftHsmToken.LABEL))).findFirst().orElseThrow());
        PasswordField pin = robot.from(dialog).lookup("#pinField").query();
        robot.clickOn(pin).write(SoftHsmToken.PIN);
        assertThat(pin.getText()).isEqualTo(SoftHsmToken.PIN);
        // The token holds several keys: read with the PIN, they are offered by their certificates.
        ui.press(dialog, "#readKeysButton");
        javafx.scene.control.ComboBox<jp.sitesign.desktop.signing.SigningViewModel.KeyChoice> keyBox =
                robot.from(dialog).lookup("#keyChoice").query();
        waitUntil(() -> keyBox.getItems().size() > 1);
        ui.choose(dialog, "#keyChoice", keyBox.getItems().stream()
                .filter(c -> c.alias().equals(SoftHsmToken.RSA_ALIAS)).findFirst().orElseThrow());
        assertThat(ui.label(dialog, "#keyLabel")).as("whose key signs").contains("発行元");
        // The seal goes where the owner clicks on the page.
        javafx.scene.image.ImageView page = robot.from(dialog).lookup("#pageImage").query();
        waitUntil(() -> page.getImage() != null);
        robot.clickOn(page);
        waitUntil(() -> !robot.from(dialog).lookup("#signButton").query().isDisabled());
        ui.press(dialog, "#signButton");
        TextArea report = robot.from(dialog).lookup("#reportArea").query();
        waitUntil(() -> !report.getText().isEmpty() || !ui.label(dialog, "#errorLabel").isEmpty());
        assertThat(ui.label(dialog, "#errorLabel")).isEmpty();
        assertThat(report.getText()).startsWith(text("signing.valid"));
        assertThat(pin.getText()).as("the PIN is not kept in the dialog").isEmpty();
        ui.closeWindow(dialog);
        ui.synced();
        waitUntil(() -> server.api().get("/api/v1/contracts/" + id, token(a.admin().value())).json()
                .get("parties").get(0).get("signed").asBoolean());
        ui.logout();

        // B's 担当者 (a member) names B's signer in the route dialog, choosing from B's directory.
        ui.login(b.member().value());
        ui.open(TITLE);
        waitUntil(() -> !robot.lookup("#setRouteButton").query().isDisabled());
        assertThat(robot.lookup("#signContractButton").query().isDisabled()).isTrue();
        ui.press("#setRouteButton");
        Parent routeDialog = ui.window("routing.window");
        javafx.scene.control.ComboBox<UserView> bSigners = robot.from(routeDialog).lookup("#signerChoice").query();
        assertThat(bSigners.getItems()).extracting(UserView::id).as("only B's users with 署名権限")
                .containsExactly(b.member2().value());
        ui.choose(routeDialog, "#signerChoice", user(routeDialog, "#signerChoice", b.member2().value()));
        ui.press(routeDialog, "#saveRouteButton");
        assertThat(ui.label(routeDialog, "#errorLabel")).isEmpty();
        assertThat(ui.label(routeDialog, "#messageLabel")).isEqualTo(text("routing.queued"));
        ui.closeWindow(routeDialog);
        ui.synced();
        waitUntil(() -> b.member2().value().equals(server.api().get("/api/v1/contracts/" + id,
                token(b.member().value())).json().get("parties").get(1).get("signerId").asText()));
        ui.logout();

        // B's signer sees it and signs with a PKCS#12 file.
        ui.login(b.member2().value());
        ui.open(TITLE);
        waitUntil(() -> !robot.lookup("#signContractButton").query().isDisabled());
        ui.press("#signContractButton");
        Parent second = ui.window("contracts.window.signing");
        ui.press(second, "#fileRadio");
        ui.nextFile(bSignerKey);
        ui.press(second, "#fileButton");
        PasswordField password = robot.from(second).lookup("#pinField").query();
        robot.clickOn(password).write(P12_PASSWORD);
        ui.press(second, "#noneRadio");
        ui.press(second, "#signButton");
        TextArea secondReport = robot.from(second).lookup("#reportArea").query();
        waitUntil(() -> !secondReport.getText().isEmpty() || !ui.label(second, "#errorLabel").isEmpty());
        assertThat(ui.label(second, "#errorLabel")).isEmpty();
        assertThat(secondReport.getText()).startsWith(text("signing.valid"));
        ui.closeWindow(second);
        ui.synced();
        waitUntil(() -> "COMPLETED".equals(status(id)));

        // The window shows it completed, both parties signed.
        waitUntil(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> ContractStatus.COMPLETED.labelJa().equals(l.getText())));
        ListView<String> parties = robot.lookup("#partyList").query();
        waitUntil(() -> parties.getItems().size() == 2 && parties.getItems().stream().allMatch(p -> p.contains("署名済")));
        // A's signer by name, as the server gave it to B for this shared contract (ADR 43), not by login id.
        waitUntil(() -> parties.getItems().get(0).contains("試験 責任者"));
        assertThat(parties.getItems().get(0)).doesNotContain(a.owner().value());
        // The list searches again off the UI thread after the sync; the detail may show it first.
        waitUntil(() -> ui.rows().stream().filter(r -> r.id().equals(id))
                .anyMatch(r -> ContractStatus.COMPLETED.labelJa().equals(r.status())));
        assertThat(ui.rows()).filteredOn(r -> r.id().equals(id)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ContractStatus.COMPLETED.labelJa()));

        // And the server holds the two signatures, which an independent tool checks.
        JsonNode done = server.api().get("/api/v1/contracts/" + id, token(a.admin().value())).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("parties")).allSatisfy(p -> assertThat(p.get("signed").asBoolean()).isTrue());
        byte[] signed = server.api().get("/api/v1/contracts/" + id + "/document", token(a.admin().value())).bytes();
        assertThat(IndependentChecks.signatureContents(signed)).hasSize(2);
        Path file = Files.write(keys.resolve("completed.pdf"), signed);
        IndependentChecks.assertValid(file, 2);
    }

    /** The form as the member fills it in: form fields, the 19条 items, B with its 担当者, route and signer. */
    private void fillIn(Parent editor) {
        ui.type(editor, "#titleField", TITLE);
        ui.choose(editor, "#datePicker", LocalDate.of(2026, 5, 20));
        ui.type(editor, "#amountField", "12,100,000");
        assertThat(ui.fx().from(editor).lookup("#constructionCheck").<javafx.scene.control.CheckBox>query()
                .isSelected()).as("建設工事 is ticked for a new contract").isTrue();
        for (ConstructionItem item : ConstructionItem.values()) {
            if (item.required()) {
                ui.type(editor, "#term-" + item.name(), item.labelJa() + "：別紙のとおり");
            }
        }
        assertThat(ui.fx().from(editor).lookup("#missingList").<ListView<?>>query().getItems())
                .as("the checklist has nothing left").isEmpty();
        javafx.scene.control.ComboBox<Partnership> partner = ui.fx().from(editor).lookup("#partnerChoice").query();
        ui.choose(editor, "#partnerChoice", partner.getItems().stream()
                .filter(p -> p.counterpartyId().equals(b.id())).findFirst().orElseThrow());
        ui.type(editor, "#receiverField", b.member().value());
        ui.press(editor, "#addCounterpartyButton");
        assertThat(ui.fx().from(editor).lookup("#counterpartyList")
                .<ListView<ContractEditorViewModel.CounterpartyRow>>query().getItems())
                .extracting(ContractEditorViewModel.CounterpartyRow::receiverId).containsExactly(b.member().value());
        ui.choose(editor, "#approverChoice", user(editor, "#approverChoice", a.admin().value()));
        ui.press(editor, "#addApproverButton");
        javafx.scene.control.ComboBox<UserView> signers = ui.fx().from(editor).lookup("#signerChoice").query();
        assertThat(signers.getItems()).extracting(UserView::id).as("only A's users with 署名権限")
                .containsExactly(a.owner().value());
        ui.choose(editor, "#signerChoice", user(editor, "#signerChoice", a.owner().value()));
    }

    private UserView user(Parent editor, String query, String id) {
        javafx.scene.control.ComboBox<UserView> box = ui.fx().from(editor).lookup(query).query();
        return box.getItems().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not offered in " + query + ": " + box.getItems()));
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> server.api().login(u, TestServer.PASSWORD));
    }

    private static String status(String id) {
        return server.api().get("/api/v1/contracts/" + id, token(a.admin().value())).json().get("status").asText();
    }

    private static JsonNode onlyContractOf(String user) {
        JsonNode items = server.api().get("/api/v1/contracts", token(user)).json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
