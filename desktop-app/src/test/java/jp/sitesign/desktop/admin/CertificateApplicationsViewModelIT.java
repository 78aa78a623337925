package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 証明書の申請 through its view model: an application is listed as waiting for the operator. */
class CertificateApplicationsViewModelIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany("申請画面建設株式会社");
        admin = fx.clientOf(company.admin());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anApplicationIsListedAsWaitingForTheOperator() {
        CertificateApplicationsViewModel vm = new CertificateApplicationsViewModel(admin,
                AdminFixture.tasks(Language.JA));
        vm.refresh();
        assertThat(vm.applyDecision().get().allowed()).isTrue();
        AtomicBoolean closed = new AtomicBoolean();

        vm.apply(new AdminClient.ApplicationForm("現場 太郎", "工務部", "所長", "genba@example.invalid",
                "新しい現場の署名者のため", null), () -> closed.set(true));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(closed).isTrue();
        assertThat(vm.applications()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AdminClient.ApplicationStatus.PENDING);
            assertThat(vm.statusText(a)).contains("発行待ち");
            assertThat(vm.holderText(a)).contains("現場 太郎", "工務部", "所長");
        });
        assertThat(vm.messageProperty().get()).contains(Long.toString(vm.applications().get(0).id()));
    }

    @Test
    void anIncompleteApplicationIsRefusedWithTheServersMessage_andTheFormStaysOpen() {
        CertificateApplicationsViewModel vm = new CertificateApplicationsViewModel(admin,
                AdminFixture.tasks(Language.EN));
        vm.refresh();
        int before = vm.applications().size();
        AtomicBoolean closed = new AtomicBoolean();

        vm.apply(new AdminClient.ApplicationForm("現場 次郎", "工務部", "所長", null, " ", null), () -> closed.set(true));

        assertThat(closed).isFalse();
        assertThat(vm.errorProperty().get()).containsIgnoringCase("reason");
        vm.refresh();
        assertThat(vm.applications()).hasSize(before);
    }

    @Test
    void aMemberCannotApply() {
        CertificateApplicationsViewModel vm = new CertificateApplicationsViewModel(fx.clientOf(company.member()),
                AdminFixture.tasks(Language.JA));
        vm.refresh();
        assertThat(vm.applyDecision().get().denied()).isTrue();
        assertThat(vm.errorProperty().get()).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
        assertThat(vm.applications()).isEmpty();
    }
}
