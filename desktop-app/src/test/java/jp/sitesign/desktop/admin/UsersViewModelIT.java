package jp.sitesign.desktop.admin;

import java.util.UUID;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.ScriptedDialogs;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 利用者管理 through its view model against the real server: what an owner or admin can and cannot do. */
class UsersViewModelIT {
    static TestServer server;
    static AdminFixture fx;
    static TestServer.TestCompany company;
    static AdminClient admin;
    static AdminClient member;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new AdminFixture(server);
        company = server.createCompany("管理画面建設株式会社");
        admin = fx.clientOf(company.admin());
        member = fx.clientOf(company.member());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static UsersViewModel adminVm(Language language) {
        return adminVm(language, new ScriptedDialogs());
    }

    private static UsersViewModel adminVm(Language language, ScriptedDialogs dialogs) {
        UsersViewModel vm = new UsersViewModel(admin, AdminFixture.tasks(language, dialogs));
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEmpty();
        return vm;
    }

    private static AdminClient.UserForm form(String name, Role role) {
        return new AdminClient.UserForm(name, "テスト", "new@example.invalid", "工務部", "係長", role);
    }

    private static UserView select(UsersViewModel vm, String id) {
        UserView u = vm.users().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        vm.selectedProperty().set(u);
        return u;
    }

    @Test
    void registeringShowsTheOneTimePasswordOnce_andTheNewUserLogsInWithIt() {
        UsersViewModel vm = adminVm(Language.JA);
        assertThat(vm.canRegister().get()).isTrue();
        assertThat(vm.registrableRoles()).containsExactly(Role.ADMIN, Role.MEMBER);

        vm.register(form("新人 " + UUID.randomUUID().toString().substring(0, 6), Role.MEMBER));

        AdminClient.Registered r = vm.registeredProperty().get();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(r.oneTimePassword()).isNotBlank();
        assertThat(vm.users()).extracting(UserView::id).contains(r.user().id());
        ServerApi.Login login = fx.api.login(r.user().id(), r.oneTimePassword().toCharArray());
        assertThat(login.mustChangePassword()).isTrue();

        vm.acknowledgeOneTimePassword();
        assertThat(vm.registeredProperty().get()).isNull();
        vm.refresh();
        assertThat(vm.registeredProperty().get()).isNull();
    }

    @Test
    void suspendingStopsTheUsersLogin_andResumingGivesItBack() {
        UsersViewModel vm = adminVm(Language.JA);
        vm.register(form("停止 対象", Role.MEMBER));
        String id = vm.registeredProperty().get().user().id();
        String otp = vm.registeredProperty().get().oneTimePassword();
        vm.acknowledgeOneTimePassword();

        select(vm, id);
        assertThat(AdminTasks.allowed(vm.suspendDecision().get())).isTrue();
        assertThat(vm.resumeDecision().get()).as("an active user is not resumed").isNull();
        vm.suspend();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(vm.messageProperty().get()).contains("利用停止");
        assertThatThrownBy(() -> fx.api.login(id, otp.toCharArray())).isInstanceOf(SiteSignException.class);

        assertThat(AdminTasks.allowed(vm.resumeDecision().get())).isTrue();
        vm.resume();
        assertThat(vm.selectedProperty().get().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(fx.api.login(id, otp.toCharArray()).token()).isNotBlank();
    }

    @Test
    void editingSavesTheNewAttributes_andDeletingEndsTheAccountOnlyWhenConfirmed() {
        ScriptedDialogs dialogs = new ScriptedDialogs().confirm(false).confirm(true);
        UsersViewModel vm = adminVm(Language.JA, dialogs);
        vm.register(form("編集 前", Role.MEMBER));
        String id = vm.registeredProperty().get().user().id();
        String otp = vm.registeredProperty().get().oneTimePassword();
        vm.acknowledgeOneTimePassword();

        select(vm, id);
        vm.edit(new AdminClient.UserForm("編集 後", "ヘンシュウ", "after@example.invalid", "設計部", "課長", Role.ADMIN));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get()).satisfies(u -> {
            assertThat(u.name()).isEqualTo("編集 後");
            assertThat(u.department()).isEqualTo("設計部");
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });

        assertThat(vm.deleteQuestion()).contains("編集 後", id);
        vm.askDelete();
        assertThat(dialogs.asked()).singleElement().asString().contains("編集 後", id);
        assertThat(vm.selectedProperty().get().id()).as("declined: still there").isEqualTo(id);
        fx.api.login(id, otp.toCharArray());
        vm.askDelete();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("削除");
        assertThatThrownBy(() -> fx.api.login(id, otp.toCharArray())).isInstanceOf(SiteSignException.class);
    }

    @Test
    void theOwnerRowCannotBeEditedSuspendedOrDeleted_andTheReasonSaysWhy() {
        UsersViewModel vm = adminVm(Language.JA);
        select(vm, company.owner().value());

        assertThat(AdminTasks.allowed(vm.editDecision().get())).isFalse();
        assertThat(AdminTasks.allowed(vm.suspendDecision().get())).isFalse();
        assertThat(AdminTasks.allowed(vm.deleteDecision().get())).isFalse();
        assertThat(vm.reason(vm.editDecision().get())).isEqualTo(Denial.OWNER_OPERATOR_ONLY.reasonJa());
    }

    @Test
    void anAdminCannotSuspendOrDeleteThemself() {
        UsersViewModel vm = adminVm(Language.EN);
        select(vm, company.admin().value());

        assertThat(AdminTasks.allowed(vm.suspendDecision().get())).isFalse();
        assertThat(vm.reason(vm.deleteDecision().get())).isEqualTo(Denial.SELF_ACTION.reasonEn());
    }

    @Test
    void searchFiltersByRoleStatusAndId() {
        UsersViewModel vm = adminVm(Language.JA);
        vm.roleFilterProperty().set(Role.OWNER);
        vm.search();
        assertThat(vm.users()).extracting(UserView::id).containsExactly(company.owner().value());
        assertThat(vm.totalProperty().get()).isEqualTo(1);

        vm.roleFilterProperty().set(null);
        vm.idFilterProperty().set(company.member2().value());
        vm.search();
        assertThat(vm.users()).extracting(UserView::id).containsExactly(company.member2().value());

        vm.idFilterProperty().set("");
        vm.statusFilterProperty().set(UserStatus.SUSPENDED);
        vm.search();
        assertThat(vm.users()).allSatisfy(u -> assertThat(u.status()).isEqualTo(UserStatus.SUSPENDED));
        assertThat(vm.users()).extracting(UserView::id).doesNotContain(company.member2().value());
    }

    @Test
    void aMembersScreenHasEveryAdminActionDisabled() {
        UsersViewModel vm = new UsersViewModel(member, AdminFixture.tasks(Language.JA));
        vm.refresh();

        assertThat(vm.canRegister().get()).isFalse();
        assertThat(vm.users()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
        vm.selectedProperty().set(adminVm(Language.JA).users().stream()
                .filter(u -> u.id().equals(company.member2().value())).findFirst().orElseThrow());
        assertThat(AdminTasks.allowed(vm.editDecision().get())).isFalse();
        assertThat(AdminTasks.allowed(vm.suspendDecision().get())).isFalse();
        assertThat(AdminTasks.allowed(vm.deleteDecision().get())).isFalse();
        assertThat(vm.reason(vm.suspendDecision().get())).isEqualTo(Denial.ROLE_REQUIRED.reasonJa());
    }

    @Test
    void theServersRefusalIsShownInTheUsersLanguage() {
        UsersViewModel en = adminVm(Language.EN);
        en.register(new AdminClient.UserForm("Bad Mail", "バッド", "not-an-address", "工務部", "係長", Role.MEMBER));
        assertThat(en.registeredProperty().get()).isNull();
        assertThat(en.errorProperty().get()).contains("email address is not valid");

        UsersViewModel ja = adminVm(Language.JA);
        ja.register(new AdminClient.UserForm("Bad Mail", "バッド", "not-an-address", "工務部", "係長", Role.MEMBER));
        assertThat(ja.errorProperty().get()).contains("メールアドレスの形式が正しくありません");
    }

    @Test
    void withoutAServerSessionTheScreenSaysItIsOnlineOnly() {
        AdminClient offline = new AdminClient(fx.api, () -> null);
        UsersViewModel ja = new UsersViewModel(offline, AdminFixture.tasks(Language.JA));
        ja.refresh();
        assertThat(ja.errorProperty().get()).startsWith("オンライン時のみ利用できます");
        assertThat(ja.canRegister().get()).isFalse();

        UsersViewModel en = new UsersViewModel(offline, AdminFixture.tasks(Language.EN));
        en.refresh();
        assertThat(en.errorProperty().get()).startsWith("Available only while online");
    }

    @Test
    void aRefusedRegistrationDoesNotCloseTheForm_andASuccessfulOneDoes() {
        UsersViewModel vm = adminVm(Language.JA);
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        vm.register(new AdminClient.UserForm("重複 確認", "チョウフク", "bad-address", "工務部", "係長", Role.MEMBER),
                closed::incrementAndGet);
        assertThat(closed.get()).isZero();
        assertThat(vm.errorProperty().get()).contains("メールアドレスの形式が正しくありません");

        vm.register(form("重複 確認", Role.MEMBER), closed::incrementAndGet);
        assertThat(closed.get()).isEqualTo(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.acknowledgeOneTimePassword();
    }

    @Test
    void signingAuthorityIsGivenWithACertificateAndTakenAway() {
        String adminToken = server.api().login(company.admin().value(), TestServer.PASSWORD);
        String number = jp.sitesign.server.testing.TestCertificates.register(server.api(), adminToken,
                jp.sitesign.server.testing.TestCertificates.company(server, "管理画面建設株式会社"));
        UsersViewModel vm = adminVm(Language.JA);
        assertThat(vm.bindableCertificates()).extracting(AdminClient.Certificate::number).contains(number);
        select(vm, company.member2().value());
        assertThat(vm.selectedProperty().get().signingAuthority()).isFalse();
        assertThat(vm.withdrawAuthorityDecision().get()).as("nothing to take away").isNull();
        assertThat(AdminTasks.allowed(vm.grantDecision().get())).isTrue();

        vm.grantSigningAuthority(number);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().signingAuthority()).isTrue();
        assertThat(vm.messageProperty().get()).contains("署名権限を付与しました");

        vm.withdrawSigningAuthority();
        assertThat(vm.selectedProperty().get().signingAuthority()).isFalse();

        UsersViewModel memberVm = new UsersViewModel(member, AdminFixture.tasks(Language.JA));
        memberVm.refresh();
        memberVm.selectedProperty().set(vm.selectedProperty().get());
        assertThat(AdminTasks.allowed(memberVm.grantDecision().get())).isFalse();
    }
}
