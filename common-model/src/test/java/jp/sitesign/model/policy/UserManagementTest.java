package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_OWNER;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owner account is the operator's (registration, changes, owner transfer), and nobody can
 * suspend or delete themselves or change their own role.
 */
class UserManagementTest {

    private static final UserResource THE_OWNER = new UserResource(OWN_OWNER, OWN, Role.OWNER);
    private static final UserResource MYSELF_AS_ADMIN = new UserResource(OWN_ADMIN, OWN, Role.ADMIN);

    static Stream<Arguments> administratorsAndOwnerActions() {
        return Stream.of(Role.OWNER, Role.ADMIN).flatMap(role -> Stream.of(
                        Action.EDIT_USER, Action.SUSPEND_USER, Action.RESUME_USER, Action.DELETE_USER)
                .map(action -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0} cannot {1} the owner")
    @MethodSource("administratorsAndOwnerActions")
    void ownerAccountIsChangedByTheOperatorOnly(Role role, Action action) {
        Decision decision = AccessPolicy.decide(own(role), action, THE_OWNER);

        assertThat(decision.code()).isEqualTo(Denial.OWNER_OPERATOR_ONLY.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OWNER", "ADMIN"})
    void nobodyRegistersAnOwnerThroughTheApi(Role role) {
        Decision decision = AccessPolicy.decide(own(role), Action.REGISTER_USER, new NewUserResource(OWN, Role.OWNER));

        assertThat(decision.code()).isEqualTo(Denial.OWNER_OPERATOR_ONLY.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OWNER", "ADMIN"})
    void nobodyMakesAnotherUserTheOwnerThroughTheApi(Role role) {
        UserResource promotion = new UserResource(OTHER_ADMIN, OWN, Role.ADMIN, Role.OWNER);

        Decision decision = AccessPolicy.decide(own(role), Action.EDIT_USER, promotion);

        assertThat(decision.code()).isEqualTo(Denial.OWNER_OPERATOR_ONLY.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"SUSPEND_USER", "DELETE_USER"})
    void adminCannotLockThemselvesOut(Action action) {
        Decision decision = AccessPolicy.decide(own(Role.ADMIN), action, MYSELF_AS_ADMIN);

        assertThat(decision.code()).isEqualTo(Denial.SELF_ACTION.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"SUSPEND_USER", "DELETE_USER"})
    void adminMaySuspendOrDeleteAnotherAdmin(Action action) {
        UserResource colleague = new UserResource(OTHER_ADMIN, OWN, Role.ADMIN);

        assertThat(AccessPolicy.decide(own(Role.ADMIN), action, colleague).allowed()).isTrue();
    }

    @Test
    void adminCannotChangeTheirOwnRole() {
        UserResource demoteMyself = new UserResource(OWN_ADMIN, OWN, Role.ADMIN, Role.MEMBER);

        Decision decision = AccessPolicy.decide(own(Role.ADMIN), Action.EDIT_USER, demoteMyself);

        assertThat(decision.code()).isEqualTo(Denial.SELF_ACTION.code());
    }

    @Test
    void adminMayEditTheirOwnUserRecordWhenTheRoleStaysTheSame() {
        UserResource sameRole = new UserResource(OWN_ADMIN, OWN, Role.ADMIN, Role.ADMIN);

        assertThat(AccessPolicy.decide(own(Role.ADMIN), Action.EDIT_USER, MYSELF_AS_ADMIN).allowed()).isTrue();
        assertThat(AccessPolicy.decide(own(Role.ADMIN), Action.EDIT_USER, sameRole).allowed()).isTrue();
    }

    @Test
    void adminMayChangeAnotherUsersRoleBetweenAdminAndMember() {
        UserResource promote = new UserResource(OTHER_MEMBER, OWN, Role.MEMBER, Role.ADMIN);
        UserResource demote = new UserResource(OTHER_ADMIN, OWN, Role.ADMIN, Role.MEMBER);

        assertThat(AccessPolicy.decide(own(Role.ADMIN), Action.EDIT_USER, promote).allowed()).isTrue();
        assertThat(AccessPolicy.decide(own(Role.ADMIN), Action.EDIT_USER, demote).allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OWNER", "ADMIN"})
    void ownerMayBeGivenSigningAuthorityBecauseBindingACertificateIsNotAnAccountChange(Role role) {
        // The owner is often the company's representative and its natural signer.
        assertThat(AccessPolicy.decide(own(role), Action.SET_SIGNING_AUTHORITY, THE_OWNER).allowed()).isTrue();
    }
}
