package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.allowedResourceFor;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.Stream;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nobody, not even an owner, touches another company's users or company data, even when the two
 * companies are partners. Contracts are covered by {@link ContractVisibilityTest}.
 */
class CompanyBoundaryTest {

    static Stream<Arguments> companyAndUserActions() {
        return EnumSet.allOf(Action.class).stream()
                .filter(a -> a.resourceType() != NoTarget.class && a.resourceType() != ContractResource.class)
                .flatMap(a -> Stream.of(Role.OWNER, Role.ADMIN).map(r -> Arguments.of(r, a)));
    }

    @ParameterizedTest(name = "{0} of one company cannot {1} at a partner company")
    @MethodSource("companyAndUserActions")
    void otherCompanysUsersAndDataAreOutOfReach(Role role, Action action) {
        Actor actor = PolicyFixtures.asTheActionNeeds(own(role), action);
        assertThat(AccessPolicy.decide(actor, action, allowedResourceFor(action, actor)).allowed())
                .as("precondition: allowed in own company")
                .isTrue();
        Resource atPartner = allowedResourceFor(action, PolicyFixtures.active(PARTNER_MEMBER, PARTNER, role));

        Decision decision = AccessPolicy.decide(actor, action, atPartner);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.code()).isEqualTo(Denial.OTHER_COMPANY.code());
    }
}
