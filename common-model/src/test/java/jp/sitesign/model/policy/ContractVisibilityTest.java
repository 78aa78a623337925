package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.STRANGER;
import static jp.sitesign.model.policy.PolicyFixtures.STRANGER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.active;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static jp.sitesign.model.policy.PolicyFixtures.sentContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.Stream;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees a contract: another company only as a party the contract has reached; within a company,
 * owners and admins see all, members only what they take part in.
 */
class ContractVisibilityTest {

    private static final Actor PARTNER_ADMIN_ACTOR = active(PARTNER_ADMIN, PARTNER, Role.ADMIN);

    /** OWN's contract to PARTNER, still in the sender's approval: PARTNER is a party but not reached. */
    private static ContractResource.Builder notYetSentToPartner() {
        return ContractResource.builder(OWN, OTHER_MEMBER).status(ContractStatus.IN_APPROVAL).parties(PARTNER);
    }

    @Test
    void counterpartyAdminCannotSeeAContractBeforeItIsSentToItsCompany() {
        Decision decision = AccessPolicy.decide(PARTNER_ADMIN_ACTOR, Action.VIEW_CONTRACT, notYetSentToPartner().build());

        assertThat(decision.code()).isEqualTo(Denial.OTHER_COMPANY.code());
    }

    @Test
    void namedReceiverCannotSeeAContractBeforeItIsSentToTheirCompany() {
        Actor receiver = active(PARTNER_MEMBER, PARTNER, Role.MEMBER);
        ContractResource contract = notYetSentToPartner().receivers(PARTNER_MEMBER).build();

        Decision decision = AccessPolicy.decide(receiver, Action.VIEW_CONTRACT, contract);

        assertThat(decision.code()).isEqualTo(Denial.OTHER_COMPANY.code());
    }

    @Test
    void counterpartyAdminSeesTheContractOnceItReachedItsCompany() {
        ContractResource reached = notYetSentToPartner().status(ContractStatus.AWAITING_SIGNATURE).reached(PARTNER).build();

        assertThat(AccessPolicy.decide(PARTNER_ADMIN_ACTOR, Action.VIEW_CONTRACT, reached).allowed()).isTrue();
    }

    @Test
    void companyThatIsNoPartyCannotSeeTheContract() {
        Actor stranger = active(STRANGER_ADMIN, STRANGER, Role.OWNER);
        ContractResource contract = sentContract(OTHER_MEMBER, ContractStatus.COMPLETED).build();

        Decision decision = AccessPolicy.decide(stranger, Action.VIEW_CONTRACT, contract);

        assertThat(decision.code()).isEqualTo(Denial.OTHER_COMPANY.code());
    }

    @Test
    void beingNamedOnAContractDoesNotOpenItToANonPartyCompany() {
        Actor stranger = active(STRANGER_ADMIN, STRANGER, Role.MEMBER);
        ContractResource contract = sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL)
                .approvers(STRANGER_ADMIN).signers(STRANGER_ADMIN).build();

        Decision decision = AccessPolicy.decide(stranger, Action.VIEW_CONTRACT, contract);

        assertThat(decision.code()).isEqualTo(Denial.OTHER_COMPANY.code());
    }

    static Stream<Arguments> waysToTakePart() {
        Actor ownMember = own(Role.MEMBER);
        Actor partnerMember = active(PARTNER_MEMBER, PARTNER, Role.MEMBER);
        ContractStatus status = ContractStatus.AWAITING_SIGNATURE;
        return Stream.of(
                Arguments.of("creator", ownMember, sentContract(OWN_MEMBER, status).build()),
                Arguments.of("approver", ownMember, sentContract(OTHER_MEMBER, status).approvers(OWN_MEMBER).build()),
                Arguments.of("signer", ownMember, sentContract(OTHER_MEMBER, status).signers(OWN_MEMBER).build()),
                Arguments.of("counterparty's receiving user", partnerMember,
                        sentContract(OTHER_MEMBER, status).receivers(PARTNER_MEMBER).build()),
                Arguments.of("counterparty's approver", partnerMember,
                        sentContract(OTHER_MEMBER, status).approvers(PARTNER_MEMBER).build()));
    }

    @ParameterizedTest(name = "a member who is the {0} sees the contract")
    @MethodSource("waysToTakePart")
    void memberSeesAContractTheyTakePartIn(String part, Actor member, ContractResource contract) {
        assertThat(AccessPolicy.decide(member, Action.VIEW_CONTRACT, contract).allowed()).isTrue();
    }

    @Test
    void memberDoesNotSeeAColleaguesContractTheyTakeNoPartIn() {
        ContractResource contract = sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE).build();

        Decision decision = AccessPolicy.decide(own(Role.MEMBER), Action.VIEW_CONTRACT, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_INVOLVED.code());
    }

    @Test
    void counterpartyMemberDoesNotSeeAReceivedContractTheyTakeNoPartIn() {
        Actor member = active(PARTNER_MEMBER, PARTNER, Role.MEMBER);
        ContractResource contract = sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE).build();

        Decision decision = AccessPolicy.decide(member, Action.VIEW_CONTRACT, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_INVOLVED.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Action.class, names = {"VIEW_CONTRACT", "EDIT_DRAFT", "DELETE_DRAFT", "APPROVE_OR_RETURN", "SIGN"})
    void uninvolvedMemberIsToldSoForEveryContractAction(Action action) {
        ContractResource colleaguesDraft = ContractResource.builder(OWN, OTHER_MEMBER).build();

        Decision decision = AccessPolicy.decide(own(Role.MEMBER), action, colleaguesDraft);

        assertThat(decision.code()).isEqualTo(Denial.NOT_INVOLVED.code());
    }

    static Stream<Arguments> administrativeRolesAndEveryStatus() {
        return Stream.of(Role.OWNER, Role.ADMIN)
                .flatMap(r -> EnumSet.allOf(ContractStatus.class).stream().map(s -> Arguments.of(r, s)));
    }

    @ParameterizedTest(name = "{0} sees a colleague's {1} contract")
    @MethodSource("administrativeRolesAndEveryStatus")
    void ownerAndAdminSeeEveryContractOfTheirCompanyInAnyStatus(Role role, ContractStatus status) {
        ContractResource colleagues = ContractResource.builder(OWN, OTHER_MEMBER).status(status).build();

        assertThat(AccessPolicy.decide(own(role), Action.VIEW_CONTRACT, colleagues).allowed()).isTrue();
    }

    /**
     * A store narrows a search with {@link ContractVisibility} over its own columns (ADR 46); for an active
     * actor its answer must be the policy's, for every role, company and way of taking part.
     */
    @Test
    void theVisibilityAStoreNarrowsWithIsThePolicysDecisionForEveryActorAndPart() {
        java.util.List<ContractResource> contracts = java.util.List.of(
                notYetSentToPartner().receivers(PARTNER_MEMBER).build(),
                notYetSentToPartner().status(ContractStatus.AWAITING_SIGNATURE).reached(PARTNER)
                        .receivers(PARTNER_MEMBER).build(),
                sentContract(OTHER_MEMBER, ContractStatus.COMPLETED).build(),
                sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).approvers(OWN_MEMBER).build(),
                sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).signers(OWN_MEMBER).build(),
                sentContract(OWN_MEMBER, ContractStatus.DRAFT).build(),
                sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL).approvers(STRANGER_ADMIN).build());
        java.util.List<Actor> actors = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            actors.add(own(role));
            actors.add(active(PARTNER_MEMBER, PARTNER, role));
            actors.add(active(STRANGER_ADMIN, STRANGER, role));
        }
        int allowed = 0;
        for (Actor actor : actors) {
            for (ContractResource contract : contracts) {
                boolean policy = AccessPolicy.decide(actor, Action.VIEW_CONTRACT, contract).allowed();
                assertThat(ContractVisibility.of(actor).sees(contract)).as("%s on %s", actor, contract)
                        .isEqualTo(policy);
                allowed += policy ? 1 : 0;
            }
        }
        // Both answers occur, so the comparison says something.
        assertThat(allowed).isBetween(1, actors.size() * contracts.size() - 1);
    }
}
