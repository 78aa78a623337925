package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the policy is called, independent of any one row. */
class AccessPolicyTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void resourceOfAnotherKindIsACallerBugNotADecision(Action action) {
        Resource wrongKind = action.resourceType() == NoTarget.class ? new CompanyResource(OWN) : Resource.none();

        assertThatThrownBy(() -> AccessPolicy.decide(own(Role.OWNER), action, wrongKind))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(action.name());
    }

    @Test
    void missingArgumentsAreRejected() {
        Actor owner = own(Role.OWNER);

        assertThatNullPointerException().isThrownBy(() -> AccessPolicy.decide(null, Action.LOGIN, Resource.none()));
        assertThatNullPointerException().isThrownBy(() -> AccessPolicy.decide(owner, null, Resource.none()));
        assertThatNullPointerException().isThrownBy(() -> AccessPolicy.decide(owner, Action.LOGIN, null));
    }

    @Test
    void denialCarriesTheCodeAndBothReasonsForDisplay() {
        Decision decision = AccessPolicy.decide(own(Role.MEMBER), Action.VIEW_USERS, new CompanyResource(OWN));

        assertThat(decision).isEqualTo(new Decision(false, "ROLE_REQUIRED",
                "この操作は管理者または責任者のみ行えます。", "Only an administrator or the owner can do this."));
    }
}
