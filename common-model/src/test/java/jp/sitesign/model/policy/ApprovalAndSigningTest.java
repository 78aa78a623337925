package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_ADMIN;
import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.active;
import static jp.sitesign.model.policy.PolicyFixtures.own;
import static jp.sitesign.model.policy.PolicyFixtures.sentContract;
import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Approval belongs to the approver whose turn it is, and a signature to the signer assigned to the
 * acting party, of that party's company, holding signing authority. No role replaces either.
 */
class ApprovalAndSigningTest {

    private static final Actor MEMBER = own(Role.MEMBER);
    private static final Actor PARTNER_SIGNER = active(PARTNER_MEMBER, PARTNER, Role.MEMBER);

    private static ContractResource.Builder inApproval() {
        return sentContract(OTHER_MEMBER, ContractStatus.IN_APPROVAL);
    }

    private static ContractResource.Builder awaitingSignature() {
        return sentContract(OTHER_MEMBER, ContractStatus.AWAITING_SIGNATURE);
    }

    @Test
    void currentApproverMayApproveOrReturn() {
        ContractResource contract = inApproval().currentApprover(OWN, OWN_MEMBER).build();

        assertThat(AccessPolicy.decide(MEMBER, Action.APPROVE_OR_RETURN, contract).allowed()).isTrue();
    }

    @Test
    void approverWhoseTurnHasNotComeCannotApprove() {
        ContractResource contract = inApproval().approvers(OWN_MEMBER).currentApprover(OWN, OTHER_ADMIN).build();

        Decision decision = AccessPolicy.decide(MEMBER, Action.APPROVE_OR_RETURN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_CURRENT_APPROVER.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OWNER", "ADMIN"})
    void administratorsCannotApproveInTheCurrentApproversPlace(Role role) {
        ContractResource contract = inApproval().currentApprover(OWN, OTHER_MEMBER).build();

        Decision decision = AccessPolicy.decide(own(role), Action.APPROVE_OR_RETURN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_CURRENT_APPROVER.code());
    }

    @Test
    void approverMustBelongToTheActingParty() {
        // Inconsistent input (the partner is acting, yet the approver on turn is one of ours) must not pass.
        ContractResource contract = inApproval().currentApprover(PARTNER, OWN_MEMBER).build();

        Decision decision = AccessPolicy.decide(MEMBER, Action.APPROVE_OR_RETURN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_CURRENT_APPROVER.code());
    }

    @Test
    void currentSignerWithSigningAuthorityMaySign() {
        ContractResource contract = awaitingSignature().currentSigner(OWN, OWN_MEMBER, true).build();

        assertThat(AccessPolicy.decide(MEMBER, Action.SIGN, contract).allowed()).isTrue();
    }

    @Test
    void counterpartysSignerMaySignWhenItIsTheirPartysTurn() {
        ContractResource contract = awaitingSignature().currentSigner(PARTNER, PARTNER_MEMBER, true).build();

        assertThat(AccessPolicy.decide(PARTNER_SIGNER, Action.SIGN, contract).allowed()).isTrue();
    }

    @Test
    void currentSignerWithoutSigningAuthorityCannotSign() {
        ContractResource contract = awaitingSignature().currentSigner(OWN, OWN_MEMBER, false).build();

        Decision decision = AccessPolicy.decide(MEMBER, Action.SIGN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NO_SIGNING_AUTHORITY.code());
    }

    @Test
    void assignedSignerCannotSignWhileAnotherPartyIsOnTurn() {
        ContractResource contract = awaitingSignature().signers(OWN_MEMBER)
                .currentSigner(PARTNER, PARTNER_MEMBER, true).build();

        Decision decision = AccessPolicy.decide(MEMBER, Action.SIGN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_ASSIGNED_SIGNER.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OWNER", "ADMIN"})
    void administratorsCannotSignInTheAssignedSignersPlace(Role role) {
        ContractResource contract = awaitingSignature().currentSigner(OWN, OWN_MEMBER, true).build();

        Decision decision = AccessPolicy.decide(own(role), Action.SIGN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_ASSIGNED_SIGNER.code());
    }

    @Test
    void signerSignsOnlyForTheirOwnCompany() {
        // Inconsistent input (our member named as the partner's signer) must not let them sign for the partner.
        ContractResource contract = awaitingSignature().currentSigner(PARTNER, OWN_MEMBER, true).build();

        Decision decision = AccessPolicy.decide(MEMBER, Action.SIGN, contract);

        assertThat(decision.code()).isEqualTo(Denial.NOT_ASSIGNED_SIGNER.code());
    }
}
