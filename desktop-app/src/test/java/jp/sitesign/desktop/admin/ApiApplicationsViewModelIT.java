package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API 連携 through its view model against a real server: an admin applies (addresses checked as CIDRs before
 * sending), follows the operator's review with its reason, takes the key once after approval and is asked before a
 * new key replaces it, and reads an application's webhook delivery log; a member may do none of it.
 */
class ApiApplicationsViewModelIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static TestServer.TestCompany partner;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany("連携画面建設株式会社");
        partner = server.createCompany("連携画面協力株式会社");
        admin = fx.clientOf(company.admin());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiApplicationsViewModel viewModel(Language language, ScriptedDialogs dialogs) {
        return new ApiApplicationsViewModel(new IntegrationClient(admin), AdminFixture.tasks(language, dialogs));
    }

    private static IntegrationClient.ApiApplication applied(ApiApplicationsViewModel vm, String name,
            List<ApiScope> scopes) {
        AtomicBoolean closed = new AtomicBoolean();
        vm.apply(name, "受注データから注文書を作成するため", scopes, "127.0.0.1/32\n2001:db8:10::/48", "情報システム部",
                () -> closed.set(true));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(closed).as("the form closes once the server accepted").isTrue();
        return vm.applications().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static ApiClient api() {
        return server.api();
    }

    @Test
    void anApprovedApplicationsKeyIsShownOnce_andANewKeyIsIssuedOnlyAfterAsking() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        ApiApplicationsViewModel vm = viewModel(Language.JA, dialogs);
        vm.refresh();
        assertThat(vm.applyDecision().get().allowed()).isTrue();

        IntegrationClient.ApiApplication a = applied(vm, "基幹システム連携",
                List.of(ApiScope.CONTRACTS_READ, ApiScope.CONTRACTS_WRITE));
        assertThat(vm.messageProperty().get()).contains(a.id());
        assertThat(a.status()).isEqualTo(ApplicationStatus.PENDING);
        assertThat(vm.statusText(a)).isEqualTo("審査中");
        assertThat(a.allowedAddresses()).containsExactly("127.0.0.1/32", "2001:db8:10::/48");
        assertThat(vm.canTakeKey(a)).as("not before the operator approved").isFalse();

        server.context().integration().review(a.id(), ApplicationStatus.Review.APPROVE, null);
        vm.refresh();
        IntegrationClient.ApiApplication approved = vm.applications().stream()
                .filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
        assertThat(vm.statusText(approved)).isEqualTo("承認済");
        AtomicReference<String> shown = new AtomicReference<>();
        vm.takeKey(approved, shown::set);
        String first = shown.get();
        assertThat(first).startsWith("ssk_");
        assertThat(dialogs.questions()).as("the first key needs no question").isEmpty();
        assertThat(api().get("/api/v1/contracts", first).status()).isEqualTo(200);

        IntegrationClient.ApiApplication issued = vm.applications().stream()
                .filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
        assertThat(issued.keyIssuedAt()).isNotNull();
        shown.set(null);
        dialogs.confirm(false);
        vm.takeKey(issued, shown::set);
        assertThat(dialogs.questions()).singleElement()
                .satisfies(q -> assertThat(q.text()).contains(a.id(), "使えなくなります"));
        assertThat(shown.get()).as("declined: no new key").isNull();
        assertThat(api().get("/api/v1/contracts", first).status()).isEqualTo(200);

        dialogs.confirm(true);
        vm.takeKey(issued, shown::set);
        assertThat(shown.get()).startsWith("ssk_").isNotEqualTo(first);
        assertThat(api().get("/api/v1/contracts", first).status()).as("the old key stopped").isEqualTo(401);
        assertThat(api().get("/api/v1/contracts", shown.get()).status()).isEqualTo(200);
    }

    @Test
    void addressesThatAreNotCidrsAreRefusedUnderTheirField_andNothingIsSent() {
        ApiApplicationsViewModel vm = viewModel(Language.EN, new ScriptedDialogs());
        vm.refresh();
        int before = vm.applications().size();
        AtomicBoolean closed = new AtomicBoolean();

        vm.apply("ERP", "Orders", List.of(ApiScope.CONTRACTS_READ), "127.0.0.1/32\n10.0.0.0/33", "IT",
                () -> closed.set(true));

        assertThat(closed).isFalse();
        assertThat(vm.addressErrorProperty().get()).contains("10.0.0.0/33", "CIDR");
        vm.apply("ERP", "Orders", List.of(ApiScope.CONTRACTS_READ), " ", "IT", () -> closed.set(true));
        assertThat(vm.addressErrorProperty().get()).contains("1 to 50");
        vm.refresh();
        assertThat(vm.applications()).hasSize(before);

        vm.apply("ERP", "Orders", List.of(ApiScope.CONTRACTS_READ), "::1", "IT", () -> closed.set(true));
        assertThat(vm.addressErrorProperty().get()).isEmpty();
        assertThat(closed).as("fixed, it is sent").isTrue();
    }

    @Test
    void theOperatorsRefusalsAreShownWithTheirReason_andGiveNoKey() {
        ApiApplicationsViewModel vm = viewModel(Language.JA, new ScriptedDialogs());
        vm.refresh();
        IntegrationClient.ApiApplication rejected = applied(vm, "却下される連携", List.of(ApiScope.CONTRACTS_READ));
        IntegrationClient.ApiApplication suspended = applied(vm, "停止される連携", List.of(ApiScope.CONTRACTS_READ));
        server.context().integration().review(rejected.id(), ApplicationStatus.Review.REJECT, "利用目的が具体的ではありません");
        server.context().integration().review(suspended.id(), ApplicationStatus.Review.APPROVE, null);
        server.context().integration().review(suspended.id(), ApplicationStatus.Review.SUSPEND, "不審なアクセスの調査中");

        vm.refresh();

        IntegrationClient.ApiApplication r = find(vm, rejected.id());
        assertThat(vm.statusText(r)).isEqualTo("却下");
        assertThat(vm.reasonText(r)).isEqualTo("利用目的が具体的ではありません");
        IntegrationClient.ApiApplication s = find(vm, suspended.id());
        assertThat(vm.statusText(s)).isEqualTo("一時停止");
        assertThat(vm.reasonText(s)).isEqualTo("不審なアクセスの調査中");
        for (IntegrationClient.ApiApplication a : List.of(r, s)) {
            assertThat(vm.canTakeKey(a)).isFalse();
            AtomicReference<String> shown = new AtomicReference<>();
            vm.takeKey(a, shown::set);
            assertThat(shown.get()).isNull();
            assertThat(vm.errorProperty().get()).contains("承認済");
        }
    }

    @Test
    void theDeliveryLogListsWhatTheWorkflowRaised() {
        ApiApplicationsViewModel vm = viewModel(Language.JA, new ScriptedDialogs());
        vm.refresh();
        IntegrationClient.ApiApplication a = applied(vm, "Webhook 連携", List.of(ApiScope.CONTRACTS_READ));
        server.context().integration().review(a.id(), ApplicationStatus.Review.APPROVE, null);
        String adminToken = api().login(company.admin().value(), TestServer.PASSWORD);
        assertThat(api().put("/api/v1/integration/applications/" + a.id() + "/webhook", adminToken,
                Map.of("url", "https://erp.example.invalid/sitesign", "events", List.of("contract.withdrawn")))
                .status()).isEqualTo(200);
        TestCertificates.grant(server, adminToken, "連携画面建設株式会社", company.member2());
        String member = api().login(company.member().value(), TestServer.PASSWORD);
        JsonNode k = TestContracts.awaitingSignature(api(), member, company, partner, "配信ログ試験",
                TestPdfs.multiPage(1));
        assertThat(api().post("/api/v1/contracts/" + k.get("id").asText() + "/withdraw", member,
                Map.of("revision", k.get("revision").asLong())).status()).isEqualTo(200);

        vm.showDeliveries(a);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.event().wireName()).isEqualTo("contract.withdrawn");
            assertThat(d.contractId()).isEqualTo(k.get("id").asText());
            assertThat(vm.deliveryStatusText(d)).isEqualTo("送信待ち・再送待ち");
        });
    }

    @Test
    void aMemberManagesNoApiUse() {
        ApiApplicationsViewModel vm = new ApiApplicationsViewModel(new IntegrationClient(fx.clientOf(company.member())),
                AdminFixture.tasks(Language.JA));
        vm.refresh();
        assertThat(vm.applyDecision().get().denied()).isTrue();
        assertThat(vm.errorProperty().get()).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
        assertThat(vm.applications()).isEmpty();
    }

    private static IntegrationClient.ApiApplication find(ApiApplicationsViewModel vm, String id) {
        return vm.applications().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }
}
