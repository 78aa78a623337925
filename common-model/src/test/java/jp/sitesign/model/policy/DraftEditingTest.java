package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.active;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.Stream;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drafts (下書き and 下書き（差戻し）) are edited and deleted by their creator, or an owner or admin of
 * the sending company; nothing else is edited or deleted by anyone, completed contracts above all.
 */
class DraftEditingTest {

    static Stream<Arguments> draftActionsOnStatusesThatAreNotDrafts() {
        return Stream.of(Action.EDIT_DRAFT, Action.DELETE_DRAFT).flatMap(action ->
                EnumSet.allOf(ContractStatus.class).stream()
                        .filter(status -> !status.isDraft())
                        .flatMap(status -> Stream.of(Role.values()).map(role -> Arguments.of(role, action, status))));
    }

    @ParameterizedTest(name = "{0} who created it cannot {1} when {2}")
    @MethodSource("draftActionsOnStatusesThatAreNotDrafts")
    void onlyDraftsCanBeEditedOrDeletedEvenByTheirCreator(Role role, Action action, ContractStatus status) {
        Actor creator = own(role);
        ContractResource contract = ContractResource.builder(OWN, creator.userId()).status(status).build();

        Decision decision = AccessPolicy.decide(creator, action, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_DRAFT.code());
    }

    static Stream<Arguments> draftActionsOnDrafts() {
        return Stream.of(Action.EDIT_DRAFT, Action.DELETE_DRAFT)
                .flatMap(action -> Stream.of(ContractStatus.DRAFT, ContractStatus.RETURNED)
                        .map(status -> Arguments.of(action, status)));
    }

    @ParameterizedTest(name = "member may {0} their own {1} contract")
    @MethodSource("draftActionsOnDrafts")
    void creatorMayEditOrDeleteTheirDraftAndReturnedDraft(Action action, ContractStatus status) {
        ContractResource draft = ContractResource.builder(OWN, OWN_MEMBER).status(status).build();

        assertThat(AccessPolicy.decide(own(Role.MEMBER), action, draft).allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"EDIT_DRAFT", "DELETE_DRAFT"})
    void memberCannotChangeAColleaguesDraftEvenWhenOnItsRoute(Action action) {
        ContractResource colleagues = ContractResource.builder(OWN, OTHER_MEMBER).approvers(OWN_MEMBER).build();

        Decision decision = AccessPolicy.decide(own(Role.MEMBER), action, colleagues);

        assertThat(decision.code()).isEqualTo(Denial.NOT_CREATOR.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"EDIT_DRAFT", "DELETE_DRAFT"})
    void counterpartyAdminCannotChangeTheSendersReturnedDraft(Action action) {
        // It reached the partner before the partner's approver returned it, so the partner still sees it.
        ContractResource returned = ContractResource.builder(OWN, OTHER_MEMBER).status(ContractStatus.RETURNED)
                .parties(PARTNER).reached(PARTNER).build();
        Actor partnerAdmin = active(PARTNER_ADMIN, PARTNER, Role.ADMIN);
        assertThat(AccessPolicy.decide(partnerAdmin, Action.VIEW_CONTRACT, returned).allowed())
                .as("precondition: the partner admin sees it")
                .isTrue();

        Decision decision = AccessPolicy.decide(partnerAdmin, action, returned);

        assertThat(decision.code()).isEqualTo(Denial.NOT_CREATOR.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"EDIT_DRAFT", "DELETE_DRAFT"})
    void sendingCompanysAdminMayChangeAColleaguesReturnedDraft(Action action) {
        ContractResource returned = ContractResource.builder(OWN, OTHER_MEMBER).status(ContractStatus.RETURNED).build();

        assertThat(AccessPolicy.decide(own(Role.ADMIN), action, returned).allowed()).isTrue();
    }
}
