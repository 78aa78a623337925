package jp.sitesign.desktop.flows;

import static jp.sitesign.desktop.flows.FlowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.testing.TestPdfs;
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
 * The contract list's search keys (電子帳簿保存法: 取引年月日 and 取引金額 as ranges, 取引先, and their
 * combination) through the real window against contracts on the real server: each filter set in the list
 * gives exactly the expected rows; the 取引先 is picked by the company's name; the filters are still set,
 * and still give the same rows, after logging out and in again.
 */
@ExtendWith(ApplicationExtension.class)
class SearchFilterFlowIT {
    private static final String B_NAME = "協力工業株式会社";
    private static final String C_NAME = "山田設備株式会社";
    private static final String METHOD = "SiteSign による電子契約（PDF・電子署名）";

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;

    @TempDir
    static Path home;
    private FlowRobot ui;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany(B_NAME);
        c = server.createCompany(C_NAME);
        ApiClient api = server.api();
        String aAdmin = api.login(a.admin().value(), TestServer.PASSWORD);
        partnership(aAdmin, b);
        partnership(aAdmin, c);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.member2());
        String member = api.login(a.member().value(), TestServer.PASSWORD);
        contract(member, "S-001", "足場工事 注文書", b, "2026-04-01", 1_200_000L, false);
        contract(member, "S-002", "内装工事 請負契約書", b, "2026-05-10", 5_500_000L, true);
        contract(member, "S-003", "外構工事 注文書", c, "2026-06-20", 300_000L, false);
        contract(member, "S-004", "電気設備工事 請負契約書", c, "2026-08-05", 9_000_000L, true);
        contract(member, "S-005", "解体工事 注文書", b, "2025-12-15", 800_000L, false);
    }

    private static void partnership(String aAdmin, TestServer.TestCompany partner) {
        ApiClient api = server.api();
        ApiClient.Response proposed = api.post("/api/v1/partnerships", aAdmin,
                Map.of("invitationCode", server.invitationOf(partner), "methodDescription", METHOD));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        ApiClient.Response consent = api.post("/api/v1/partnerships/" + proposed.json().get("id").asLong()
                + "/consent", api.login(partner.admin().value(), TestServer.PASSWORD),
                Map.of("methodSha256", Digests.sha256Hex(METHOD.getBytes(StandardCharsets.UTF_8))));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
    }

    /** A draft of A to {@code partner}; sent for signature (署名待ち) when {@code submitted}. */
    private static void contract(String token, String number, String title, TestServer.TestCompany partner,
            String date, long amount, boolean submitted) {
        ApiClient api = server.api();
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("managementNumber", number);
        d.put("title", title);
        d.put("transactionDate", date);
        d.put("amountYen", amount);
        d.put("counterparties", List.of(Map.of("companyId", partner.id().value(), "receiverId",
                partner.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        ApiClient.Response created = api.post("/api/v1/contracts", token, d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if (!submitted) {
            return;
        }
        JsonNode k = created.json();
        ApiClient.Response attached = api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText()
                + "/document?revision=" + k.get("revision").asLong(), token, TestPdfs.multiPage(1),
                Map.of("Content-Type", "application/pdf"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        ApiClient.Response sent = api.post("/api/v1/contracts/" + k.get("id").asText() + "/submit", token,
                Map.of("revision", attached.json().get("revision").asLong()));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("status").asText()).isEqualTo(ContractStatus.AWAITING_SIGNATURE.name());
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
    void eachFilterAndTheirCombinationGiveExactlyTheMatchingRowsAndSurviveLogoutAndLogin() throws Exception {
        ui.login(a.member().value());
        ui.synced();
        Node list = list();
        ui.choose(list, "#sortBox", ContractQuery.Sort.NUMBER_ASC);
        expectRows("S-001", "S-002", "S-003", "S-004", "S-005");

        ui.type("#dateFromField", "2026-04-01");
        ui.type("#dateToField", "2026/06/30");
        expectRows("S-001", "S-002", "S-003");
        ui.type("#dateFromField", "");
        ui.type("#dateToField", "");

        ui.type("#amountMinField", "500,000");
        ui.type("#amountMaxField", "¥6,000,000");
        expectRows("S-001", "S-002", "S-005");
        ui.type("#amountMinField", "");
        ui.type("#amountMaxField", "");

        ComboBox<String> picker = picker();
        waitUntil(() -> picker.getItems().size() == 3);
        assertThat(picker.getItems()).as("すべて first, then the two partners")
                .startsWith((String) null).containsExactlyInAnyOrder(null, b.id().value(), c.id().value());
        ui.choose(list, "#counterpartyBox", c.id().value());
        expectRows("S-003", "S-004");
        assertThat(picker.getButtonCell().getText()).as("the picker shows the company's name").isEqualTo(C_NAME);
        ui.choose(list, "#counterpartyBox", null);

        ui.tick(list, "#statusBox", ContractStatus.AWAITING_SIGNATURE);
        expectRows("S-002", "S-004");
        ui.tick(list, "#statusBox", ContractStatus.DRAFT, ContractStatus.AWAITING_SIGNATURE);
        ui.choose(list, "#counterpartyBox", c.id().value());
        expectRows("S-003", "S-004");
        assertThat(statuses().getTitle()).as("the closed filter names the first status and how many more")
                .isEqualTo(ContractStatus.DRAFT.labelJa() + " ほか1件");
        ui.tick(list, "#statusBox", ContractStatus.COMPLETED, ContractStatus.WITHDRAWN);
        expectRows();
        ui.tick(list, "#statusBox");
        expectRows("S-003", "S-004");
        assertThat(statuses().getTitle()).isEqualTo("すべて");

        ui.tick(list, "#statusBox", ContractStatus.DRAFT);
        ui.choose(list, "#counterpartyBox", b.id().value());
        ui.type("#dateFromField", "2026-01-01");
        ui.type("#amountMinField", "1000000");
        // Logging out at once, before the list has searched with the last keystroke: the filters are kept anyway.
        ui.logout();
        assertThat(savedFilter()).contains("amountMin=1000000", "status=DRAFT\n");
        ui.login(a.member().value());
        ui.synced();
        waitUntil(() -> "2026-01-01".equals(ui.label("#dateFromField")));
        assertThat(ui.label("#amountMinField")).isEqualTo("1000000");
        assertThat(statuses().getCheckModel().getCheckedItems()).as("the ticked status is restored")
                .containsExactly(ContractStatus.DRAFT);
        assertThat(statuses().getTitle()).isEqualTo(ContractStatus.DRAFT.labelJa());
        assertThat(picker().getValue()).isEqualTo(b.id().value());
        waitUntil(() -> B_NAME.equals(picker().getButtonCell().getText()));
        expectRows("S-001");
    }

    @SuppressWarnings("unchecked")
    private org.controlsfx.control.CheckComboBox<ContractStatus> statuses() {
        return ui.fx().from(list()).lookup("#statusBox").queryAs(org.controlsfx.control.CheckComboBox.class);
    }

    /** The user's saved filter file as text (empty until the list saved one). */
    private static String savedFilter() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(home)) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals("contract-filters.properties"))
                    .toList()) {
                return java.nio.file.Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            }
        }
        return "";
    }

    private Node list() {
        return ui.fx().lookup(".contract-list").query();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> picker() {
        return ui.fx().lookup("#counterpartyBox").queryAs(ComboBox.class);
    }

    /** Waits for the list to settle on these 文書管理番号, in this order; says what it shows otherwise. */
    private void expectRows(String... numbers) throws Exception {
        List<String> expected = List.of(numbers);
        try {
            waitUntil(() -> expected.equals(numbers()));
        } catch (TimeoutException e) {
            // The assertion below tells what the list shows instead.
        }
        assertThat(numbers()).containsExactly(numbers);
    }

    private List<String> numbers() {
        return ui.rows().stream().map(ContractRow::number).toList();
    }
}
