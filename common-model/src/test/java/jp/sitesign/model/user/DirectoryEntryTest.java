package jp.sitesign.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import jp.sitesign.model.company.CompanyId;
import org.junit.jupiter.api.Test;

/** ADR 10: what the company directory shows members of a colleague, and what it leaves out. */
class DirectoryEntryTest {
    private static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    private static User colleague(UserStatus status) {
        return new User(new UserId("U00000042"), new CompanyId("C00000001"), Role.ADMIN, status,
                new UserProfile("工藤 真", "クドウ マコト", "kudo@example.jp", "工務部", "部長"), true, "U00000001", T,
                3, T.plusSeconds(600), 7, T);
    }

    @Test
    void directoryEntryCarriesWhatNamingAnApproverOrSignerNeeds() {
        UserView entry = UserView.directoryEntry(colleague(UserStatus.ACTIVE), true);

        assertThat(entry.id()).isEqualTo("U00000042");
        assertThat(entry.companyId()).isEqualTo("C00000001");
        assertThat(entry.name()).isEqualTo("工藤 真");
        assertThat(entry.nameKana()).isEqualTo("クドウ マコト");
        assertThat(entry.department()).isEqualTo("工務部");
        assertThat(entry.title()).isEqualTo("部長");
        assertThat(entry.signingAuthority()).isTrue();
        assertThat(entry.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(entry.fromDirectory()).isTrue();
    }

    @Test
    void directoryEntryLeavesOutEmailRoleAndLoginDetails() {
        UserView entry = UserView.directoryEntry(colleague(UserStatus.ACTIVE), false);

        assertThat(entry.email()).isNull();
        assertThat(entry.role()).isNull();
        assertThat(entry.roleLabel()).isNull();
        assertThat(entry.mustChangePassword()).isFalse();
        assertThat(entry.locked()).isFalse();
        assertThat(entry.signingAuthoritySetBy()).isNull();
        assertThat(entry.signingAuthoritySetAt()).isNull();
        assertThat(entry.createdAt()).isNull();
        assertThat(UserView.of(colleague(UserStatus.ACTIVE), T, false).fromDirectory()).isFalse();
    }

    @Test
    void suspendedAndDeletedUsersAreNotInTheDirectory() {
        assertThatIllegalArgumentException().isThrownBy(() -> UserView.directoryEntry(colleague(UserStatus.SUSPENDED), true));
        assertThatIllegalArgumentException().isThrownBy(() -> UserView.directoryEntry(colleague(UserStatus.DELETED), true));
    }
}
