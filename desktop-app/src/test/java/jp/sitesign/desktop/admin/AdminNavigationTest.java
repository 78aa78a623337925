package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.sitesign.desktop.main.MainWindowViewModel;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.SyncStatusHolder;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import org.junit.jupiter.api.Test;

/** 管理 is in the navigation for owners and admins only, as the access policy decides from the own account. */
class AdminNavigationTest {

    private static UserView me(Role role, UserStatus status) {
        return new UserView("U00000001", "C00000001", role, role.labelJa(), status, status.labelJa(), "試験 太郎",
                "シケン", "t@example.invalid", "工事部", "主任", false, false, null, null, false, 1,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void ownersAndAdminsAdministerButMembersDoNot() {
        assertThat(AdminAccess.of(me(Role.OWNER, UserStatus.ACTIVE)).administers()).isTrue();
        assertThat(AdminAccess.of(me(Role.ADMIN, UserStatus.ACTIVE)).administers()).isTrue();
        assertThat(AdminAccess.of(me(Role.MEMBER, UserStatus.ACTIVE)).administers()).isFalse();
        assertThat(AdminAccess.of(me(Role.ADMIN, UserStatus.SUSPENDED)).administers()).isFalse();
    }

    @Test
    void theAdminSectionIsHiddenAndShownInItsPlace_andHidingItWhileOpenGoesBackToContracts() {
        MainWindowViewModel vm = new MainWindowViewModel(new SyncStatusHolder(), I18n.bundle(Language.JA));

        vm.showAdmin(false);
        assertThat(vm.sections()).doesNotContain(Section.ADMIN);
        vm.showAdmin(true);
        vm.showAdmin(true);
        assertThat(vm.sections()).containsExactly(Section.values());
        assertThat(vm.sectionName(Section.ADMIN)).isEqualTo("管理");

        vm.selectedSectionProperty().set(Section.ADMIN);
        vm.showAdmin(false);
        assertThat(vm.selectedSectionProperty().get()).isEqualTo(Section.CONTRACTS);
    }
}
