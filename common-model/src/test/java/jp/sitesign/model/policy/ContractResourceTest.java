package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.PolicyFixtures.OTHER_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.OWN;
import static jp.sitesign.model.policy.PolicyFixtures.OWN_MEMBER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER;
import static jp.sitesign.model.policy.PolicyFixtures.PARTNER_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

/** Facts that cannot all be true are refused up front, so the policy is never asked about them. */
class ContractResourceTest {

    @Test
    void builderKeepsTheSenderAsAReachedParty() {
        ContractResource contract = ContractResource.builder(OWN, OWN_MEMBER).parties(PARTNER).build();

        assertThat(contract.partyIds()).containsExactlyInAnyOrder(OWN, PARTNER);
        assertThat(contract.reachedPartyIds()).containsExactly(OWN);
        assertThat(contract.status()).isEqualTo(ContractStatus.DRAFT);
    }

    @Test
    void contractCannotReachACompanyThatIsNoParty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractResource.builder(OWN, OWN_MEMBER).reached(PARTNER).build());
    }

    @Test
    void senderMustBeAReachedParty() {
        Set<CompanyId> partnerOnly = Set.of(PARTNER);

        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, partnerOnly, partnerOnly,
                OWN_MEMBER, ContractStatus.DRAFT, Set.of(), Set.of(), Set.of(), null, null, null, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN, PARTNER),
                partnerOnly, OWN_MEMBER, ContractStatus.DRAFT, Set.of(), Set.of(), Set.of(), null, null, null, false));
    }

    @Test
    void currentApproverExistsOnlyWhileInApproval() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractResource.builder(OWN, OWN_MEMBER)
                .status(ContractStatus.AWAITING_SIGNATURE).currentApprover(OWN, OTHER_MEMBER).build());
    }

    @Test
    void currentSignerExistsOnlyWhileAwaitingSignature() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractResource.builder(OWN, OWN_MEMBER)
                .status(ContractStatus.IN_APPROVAL).currentSigner(OWN, OTHER_MEMBER, true).build());
    }

    @Test
    void actingPartyMustHaveBeenReached() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractResource.builder(OWN, OWN_MEMBER)
                .parties(PARTNER).status(ContractStatus.AWAITING_SIGNATURE)
                .currentSigner(PARTNER, PARTNER_MEMBER, true).build());
    }

    @Test
    void currentApproverMustBeOnTheRoute() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN), Set.of(OWN),
                OWN_MEMBER, ContractStatus.IN_APPROVAL, Set.of(), Set.of(), Set.of(), OWN, OTHER_MEMBER, null, false));
    }

    @Test
    void signingAuthorityIsStatedOnlyForACurrentSigner() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN), Set.of(OWN),
                OWN_MEMBER, ContractStatus.AWAITING_SIGNATURE, Set.of(), Set.of(), Set.of(), OWN, null, null, true));
    }

    @Test
    void laterChangesToTheCallersSetsDoNotChangeTheResource() {
        Set<UserId> approvers = new HashSet<>(Set.of(OTHER_MEMBER));
        ContractResource contract = new ContractResource(OWN, Set.of(OWN), Set.of(OWN), OWN_MEMBER,
                ContractStatus.DRAFT, Set.of(), approvers, Set.of(), null, null, null, false);

        approvers.add(OWN_MEMBER);

        assertThat(contract.approverIds()).containsExactly(OTHER_MEMBER);
    }

    @Test
    void aCurrentApproverOrSignerNeedsACurrentPartyAndASignerMustBeAssigned() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN), Set.of(OWN),
                OWN_MEMBER, ContractStatus.IN_APPROVAL, Set.of(), Set.of(OTHER_MEMBER), Set.of(), null, OTHER_MEMBER,
                null, false)).withMessageContaining("a current approver needs a current party");
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN), Set.of(OWN),
                OWN_MEMBER, ContractStatus.AWAITING_SIGNATURE, Set.of(), Set.of(), Set.of(OTHER_MEMBER), null,
                null, OTHER_MEMBER, true)).withMessageContaining("a current signer needs a current party");
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractResource(OWN, Set.of(OWN), Set.of(OWN),
                OWN_MEMBER, ContractStatus.AWAITING_SIGNATURE, Set.of(), Set.of(), Set.of(OWN_MEMBER), OWN,
                null, OTHER_MEMBER, true)).withMessageContaining("the current signer must be an assigned signer");
        assertThat(new ContractResource(OWN, Set.of(OWN), Set.of(OWN), OWN_MEMBER, ContractStatus.AWAITING_SIGNATURE,
                Set.of(), Set.of(), Set.of(OTHER_MEMBER), OWN, null, OTHER_MEMBER, true).currentSignerId())
                .isEqualTo(OTHER_MEMBER);
    }
}
