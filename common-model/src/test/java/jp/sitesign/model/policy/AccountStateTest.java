package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.allowedResourceFor;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A suspended, deleted or locked account, or any account of a terminated company, may do nothing,
 * logging in included. Each case first shows that the same owner, active, would be allowed.
 */
class AccountStateTest {

    private static final Actor ACTIVE_OWNER = own(Role.OWNER);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void suspendedUserIsDeniedEverything(Action action) {
        assertDeniedOnlyBecauseOf(withStatus(UserStatus.SUSPENDED), action, Denial.ACCOUNT_SUSPENDED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void deletedUserIsDeniedEverything(Action action) {
        assertDeniedOnlyBecauseOf(withStatus(UserStatus.DELETED), action, Denial.ACCOUNT_DELETED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void lockedAccountIsDeniedEverything(Action action) {
        Actor locked = new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.OWNER,
                UserStatus.ACTIVE, CompanyStatus.ACTIVE, true);

        assertDeniedOnlyBecauseOf(locked, action, Denial.ACCOUNT_LOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void memberOfTerminatedCompanyIsDeniedEverything(Action action) {
        Actor member = own(Role.MEMBER);
        Actor terminated = new Actor(member.userId(), member.companyId(), Role.MEMBER,
                UserStatus.ACTIVE, CompanyStatus.TERMINATED, false);

        Decision decision = AccessPolicy.decide(terminated, action, allowedResourceFor(action, ACTIVE_OWNER));

        assertThat(decision.code()).isEqualTo(Denial.COMPANY_TERMINATED.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void ownerOfTerminatedCompanyMayOnlyReadUntilThePurge(Action action) {
        Actor terminated = new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.OWNER,
                UserStatus.ACTIVE, CompanyStatus.TERMINATED, false);
        Resource resource = allowedResourceFor(action, ACTIVE_OWNER);

        Decision decision = AccessPolicy.decide(terminated, action, resource);

        if (action.readsOnly()) {
            assertThat(decision.allowed()).as("reading and exporting stay possible in the grace period").isTrue();
        } else {
            assertDeniedOnlyBecauseOf(terminated, action, Denial.COMPANY_READ_ONLY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void ownerOfPurgedCompanyIsDeniedEverything(Action action) {
        Actor purged = new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.OWNER,
                UserStatus.ACTIVE, CompanyStatus.PURGED, false);

        assertDeniedOnlyBecauseOf(purged, action, Denial.COMPANY_TERMINATED);
    }

    @Test
    void theActionsLeftToATerminatedCompanyAreExactlyTheReadingOnes() {
        assertThat(java.util.Arrays.stream(Action.values()).filter(Action::readsOnly))
                .containsExactlyInAnyOrder(Action.LOGIN, Action.CHANGE_OWN_PASSWORD, Action.READ_NOTICES,
                        Action.VIEW_USERS, Action.VIEW_COMPANY_DIRECTORY, Action.VIEW_PARTNERSHIPS,
                        Action.VIEW_CONTRACT, Action.VIEW_AUDIT_LOG, Action.EXPORT_AUDIT_LOG, Action.READ_DOCUMENT,
                        Action.SEARCH_CONTRACTS, Action.EXPORT_CONTRACTS, Action.EXPORT_CONTRACTS_WITH_DOCUMENTS);
    }

    @Test
    void terminatedCompanyIsReportedBeforeTheUsersOwnState() {
        // Resuming or unlocking the user would not help, so the company is what the user must hear about.
        Actor suspendedAndTerminated = new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.MEMBER,
                UserStatus.SUSPENDED, CompanyStatus.TERMINATED, true);

        Decision decision = AccessPolicy.decide(suspendedAndTerminated, Action.LOGIN, Resource.none());

        assertThat(decision.code()).isEqualTo(Denial.COMPANY_TERMINATED.code());
    }

    @Test
    void suspensionIsReportedBeforeALock() {
        Actor suspendedAndLocked = new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.OWNER,
                UserStatus.SUSPENDED, CompanyStatus.ACTIVE, true);

        Decision decision = AccessPolicy.decide(suspendedAndLocked, Action.LOGIN, Resource.none());

        assertThat(decision.code()).isEqualTo(Denial.ACCOUNT_SUSPENDED.code());
    }

    private static Actor withStatus(UserStatus status) {
        return new Actor(ACTIVE_OWNER.userId(), ACTIVE_OWNER.companyId(), Role.OWNER, status,
                CompanyStatus.ACTIVE, false);
    }

    private static void assertDeniedOnlyBecauseOf(Actor person, Action action, Denial expected) {
        Actor actor = PolicyFixtures.asTheActionNeeds(person, action);
        Resource resource = allowedResourceFor(action, actor);
        assertThat(AccessPolicy.decide(PolicyFixtures.asTheActionNeeds(ACTIVE_OWNER, action), action, resource)
                .allowed())
                .as("precondition: an active owner may %s", action)
                .isTrue();

        Decision decision = AccessPolicy.decide(actor, action, resource);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.code()).isEqualTo(expected.code());
    }
}
