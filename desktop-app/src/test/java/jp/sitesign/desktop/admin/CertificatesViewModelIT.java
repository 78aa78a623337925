package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.sitesign.desktop.admin.AdminClient.Certificate;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 電子証明書 through its view model against the real server: register, validity, bind and unbind. */
class CertificatesViewModelIT {
    static final String NAME = "証明書画面建設株式会社";
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;
    static AdminClient member;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany(NAME);
        admin = fx.clientOf(company.admin());
        member = fx.clientOf(company.member());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CertificatesViewModel vm(AdminClient client, Language language) {
        CertificatesViewModel vm = new CertificatesViewModel(client, AdminFixture.tasks(language),
                server.clock());
        vm.refresh();
        return vm;
    }

    private static byte[] pem(Instant from, Instant until) {
        return TestCertificates.pem(TestCertificates.company(NAME, from, until)).getBytes(StandardCharsets.US_ASCII);
    }

    private static Certificate registered(CertificatesViewModel vm, byte[] file) {
        int before = vm.certificates().size();
        vm.register(file);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.certificates()).hasSize(before + 1);
        return vm.selectedProperty().get();
    }

    private static UserView user(CertificatesViewModel vm, String id) {
        return vm.users().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRegisteredCertificateIsListedWithItsDaysLeft_andOneEndingSoonNeedsAttention() {
        CertificatesViewModel vm = vm(admin, Language.JA);
        Instant now = server.clock().instant();
        Certificate year = registered(vm, pem(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(200))));
        assertThat(vm.subjectText(year)).contains(NAME);
        assertThat(year.issuer()).contains("SiteSign Test Company CA");
        assertThat(vm.validityText(year)).contains("あと " + vm.daysLeft(year) + " 日");
        assertThat(vm.daysLeft(year)).isBetween(199L, 200L);
        assertThat(vm.needsAttention(year)).isFalse();
        assertThat(vm.messageProperty().get()).contains(year.number());

        Certificate soon = registered(vm, pem(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10))));
        assertThat(vm.needsAttention(soon)).isTrue();

        CertificatesViewModel en = vm(admin, Language.EN);
        Certificate listed = en.certificates().stream().filter(c -> c.number().equals(soon.number())).findFirst()
                .orElseThrow();
        assertThat(en.validityText(listed)).contains("expires in " + en.daysLeft(listed) + " days");
    }

    @Test
    void bindingGivesTheUserSigningAuthority_andUnbindingTakesItAway() {
        CertificatesViewModel vm = vm(admin, Language.JA);
        Instant now = server.clock().instant();
        Certificate c = registered(vm, pem(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(100))));
        String memberId = company.member2().value();
        assertThat(user(vm, memberId).signingAuthority()).isFalse();

        vm.userToBindProperty().set(user(vm, memberId));
        assertThat(AdminTasks.allowed(vm.bindDecision().get())).isTrue();
        vm.bind();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().bindings()).extracting(AdminClient.Binding::userId)
                .containsExactly(memberId);
        assertThat(vm.boundUsersText(vm.selectedProperty().get())).contains(memberId);
        assertThat(user(vm, memberId).signingAuthority()).as("the server now says so").isTrue();

        vm.boundUserToUnbindProperty().set(memberId);
        vm.unbind();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().bindings()).isEmpty();
        assertThat(user(vm, memberId).signingAuthority()).isFalse();
    }

    @Test
    void aFileThatIsNotACertificateIsRefusedBeforeSending_andAnotherCompanysByTheServer() {
        CertificatesViewModel vm = vm(admin, Language.JA);
        int before = vm.certificates().size();
        vm.register("this is not a certificate".getBytes(StandardCharsets.UTF_8));
        assertThat(vm.errorProperty().get()).contains("電子証明書として読み取れません");

        Instant now = server.clock().instant();
        vm.register(TestCertificates.pem(TestCertificates.company("別の会社株式会社", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)))).getBytes(StandardCharsets.US_ASCII));
        assertThat(vm.errorProperty().get()).contains("企業名");
        assertThat(vm.certificates()).hasSize(before);

        CertificatesViewModel en = vm(admin, Language.EN);
        en.register(new byte[] {1, 2, 3});
        assertThat(en.errorProperty().get()).contains("cannot be read as a certificate");
    }

    @Test
    void anExpiredCertificateIsNotOfferedForBinding() {
        CertificatesViewModel vm = vm(admin, Language.JA);
        Instant now = server.clock().instant();
        Certificate shortLived = registered(vm, pem(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        server.clock().advance(Duration.ofDays(2));
        try {
            AdminClient fresh = fx.clientOf(company.admin());
            CertificatesViewModel later = vm(fresh, Language.JA);
            Certificate expired = later.certificates().stream().filter(c -> c.number().equals(shortLived.number()))
                    .findFirst().orElseThrow();
            assertThat(expired.state()).isEqualTo(AdminClient.CertificateState.EXPIRED);
            assertThat(later.validityText(expired)).contains("有効期限切れ");
            assertThat(later.needsAttention(expired)).isTrue();
            later.selectedProperty().set(expired);
            later.userToBindProperty().set(user(later, company.member2().value()));
            assertThat(later.bindDecision().get()).isNull();
        } finally {
            server.clock().advance(Duration.ofDays(-2));
        }
    }

    @Test
    void aMemberIsToldCertificatesAreForAdmins() {
        CertificatesViewModel vm = vm(member, Language.JA);
        assertThat(vm.certificates()).isEmpty();
        assertThat(AdminTasks.allowed(vm.manageDecision().get())).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
    }

    @Test
    void offlineTheScreenSaysItIsOnlineOnly() {
        CertificatesViewModel vm = vm(new AdminClient(fx.api, () -> null), Language.JA);
        assertThat(vm.errorProperty().get()).startsWith("オンライン時のみ利用できます");
        assertThat(vm.certificates()).isEqualTo(List.of());
    }
}
