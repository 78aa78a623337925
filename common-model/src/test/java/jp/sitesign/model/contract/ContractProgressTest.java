package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.CREATOR;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.admin;
import static jp.sitesign.model.contract.LifecycleFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.workflow.ContractVerbs;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A progress that cannot happen is refused when built; the policy's view of it is built in one place. */
class ContractProgressTest {
    private static final PartyStep SENDER_STEP = PartyStep.sender(SENDER, List.of(S_APPROVER), S_SIGNER);
    private static final PartyStep SUB_STEP = PartyStep.counterparty(SUB, SUB_RECEIVER);
    private static final PartyStep SUB_SET_UP = new PartyStep(SUB, SUB_RECEIVER, List.of(), SUB_SIGNER, false);

    private static void impossible(String because, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(because);
    }

    private static ContractProgress progress(ContractForm form, ContractStatus status, int party, int position,
            PartyStep... parties) {
        return new ContractProgress(form, status, List.of(parties), party, position, null, null);
    }

    private static PartyStep signed(PartyStep p) {
        return p.withSigned(true);
    }

    @Test
    void eachFormAllowsItsNumberOfParties() {
        assertThat(Arrays.stream(ContractForm.values()).filter(f -> f.maxParties() == 9))
                .containsExactly(ContractForm.MULTI_PARTY);
        assertThat(Arrays.stream(ContractForm.values()).filter(f -> f.maxParties() == 2)).hasSize(4);
        impossible("allows at most", () -> LifecycleFixtures.draft(ContractForm.BILATERAL, List.of(), SUB_STEP,
                PartyStep.counterparty(THIRD, THIRD_RECEIVER)));
        List<PartyStep> nine = new ArrayList<>(List.of(SENDER_STEP));
        for (int i = 2; i <= 9; i++) {
            nine.add(PartyStep.counterparty(new CompanyId("C4000000" + i), new UserId("U4000000" + i)));
        }
        assertThat(ContractProgress.draft(ContractForm.MULTI_PARTY, nine, null).parties()).hasSize(9);
        nine.add(PartyStep.counterparty(new CompanyId("C50000010"), new UserId("U50000010")));
        impossible("allows at most", () -> ContractProgress.draft(ContractForm.MULTI_PARTY, nine, null));
    }

    @Test
    void formsCarryTheLabelsUsersSee() {
        assertThat(ContractForm.ORDER_AND_ACCEPTANCE_SEPARATE.labelJa()).isEqualTo("注文書・請書（分離）");
        assertThat(ContractForm.SEND_ONLY.labelJa()).isEqualTo("送付のみ");
        assertThat(ContractForm.values()).allSatisfy(f -> assertThat(f.labelEn()).isNotBlank());
    }

    @Test
    void partiesAndRoutesAreWellFormed() {
        impossible("appears twice", () -> PartyStep.sender(SENDER, List.of(S_APPROVER, S_APPROVER), S_SIGNER));
        assertThatThrownBy(() -> PartyStep.sender(SENDER, Arrays.asList(S_APPROVER, null), S_SIGNER))
                .isInstanceOf(NullPointerException.class);
        impossible("is a party twice", () -> progress(ContractForm.BILATERAL, ContractStatus.DRAFT, 0, 0, SENDER_STEP,
                PartyStep.counterparty(SENDER, SUB_RECEIVER)));
        impossible("the sender comes first", () ->
                progress(ContractForm.BILATERAL, ContractStatus.DRAFT, 0, 0, SUB_STEP, SENDER_STEP));
        impossible("has no receiving user", () ->
                progress(ContractForm.BILATERAL, ContractStatus.DRAFT, 0, 0, SENDER_STEP,
                new PartyStep(SUB, null, List.of(), null, false)));
        impossible("send-only", () -> progress(ContractForm.SEND_ONLY, ContractStatus.DRAFT, 0, 0, SENDER_STEP,
                new PartyStep(SUB, SUB_RECEIVER, List.of(SUB_APPROVER), null, false)));
    }

    @Test
    void theTurnMatchesTheStatus() {
        impossible("a draft is with its sender", () ->
                progress(ContractForm.BILATERAL, ContractStatus.DRAFT, 1, 0, SENDER_STEP, SUB_STEP));
        impossible("sender's signer", () -> progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 0, 0,
                PartyStep.sender(SENDER, List.of(), null), SUB_STEP));
        impossible("in approval the position", () ->
                progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 0, 1, SENDER_STEP, SUB_STEP));
        impossible("a signature is awaited", () ->
                progress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, 0, 0,
                SENDER_STEP, SUB_STEP));
        impossible("a signature is awaited", () ->
                progress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, 1, 0,
                signed(SENDER_STEP), SUB_STEP));
        assertThat(progress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, 1, 0,
                signed(SENDER_STEP), SUB_SET_UP).currentSigner()).isEqualTo(SUB_SIGNER);
    }

    @Test
    void partiesSignInOrderAndAreSetUpOnlyOnceReached() {
        impossible("must have signed", () ->
                progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 1, 0, SENDER_STEP, SUB_STEP));
        impossible("cannot have signed", () -> progress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, 0, 1,
                SENDER_STEP, signed(SUB_SET_UP)));
        impossible("before the contract reached it", () ->
                progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 0, 0, SENDER_STEP, SUB_SET_UP));
        impossible("cannot have signed", () ->
                progress(ContractForm.BILATERAL, ContractStatus.DRAFT, 0, 0, signed(SENDER_STEP), SUB_STEP));
        impossible("must have signed", () -> progress(ContractForm.BILATERAL, ContractStatus.COMPLETED, 1, 0,
                signed(SENDER_STEP), SUB_SET_UP));
        assertThat(progress(ContractForm.BILATERAL, ContractStatus.COMPLETED, 1, 0,
                signed(SENDER_STEP), signed(SUB_SET_UP)).status()).isEqualTo(ContractStatus.COMPLETED);
    }

    @Test
    void everyStateTheLifecycleReachesIsAlsoValidWhenReadBack() {
        for (ContractProgress p : List.of(LifecycleFixtures.returnedByCounterparty(),
                LifecycleFixtures.awaitingCounterpartySetUp(), LifecycleFixtures.awaitingReceipt(),
                LifecycleFixtures.completed(), LifecycleFixtures.declined(), LifecycleFixtures.expired())) {
            assertThat(new ContractProgress(p.form(), p.status(), p.parties(), p.currentParty(), p.routePosition(),
                    p.deadline(), p.returnComment())).isEqualTo(p);
        }
    }

    private static boolean may(Actor actor, LifecycleCommand command, ContractResource r) {
        return AccessPolicy.decide(actor, ContractVerbs.action(command), r).allowed();
    }

    @Test
    void theResourceLetsTheSendersCurrentApproverActAndKeepsTheCounterpartyOutUntilReached() {
        ContractResource r = ContractResource.of(LifecycleFixtures.inSenderApproval(), CREATOR, false);
        assertThat(r.senderId()).isEqualTo(SENDER);
        assertThat(r.partyIds()).containsExactlyInAnyOrder(SENDER, SUB);
        assertThat(r.reachedPartyIds()).containsExactly(SENDER);
        assertThat(r.receiverIds()).containsExactly(SUB_RECEIVER);
        assertThat(may(member(S_APPROVER, SENDER), LifecycleCommand.APPROVE, r)).isTrue();
        assertThat(may(member(S_SIGNER, SENDER), LifecycleCommand.APPROVE, r)).isFalse();
        Actor subAdmin = admin(new UserId("U20000009"), SUB);
        assertThat(AccessPolicy.decide(subAdmin, Action.VIEW_CONTRACT, r).allowed()).isFalse();

        ContractResource reached = ContractResource.of(LifecycleFixtures.awaitingCounterpartySetUp(), CREATOR, false);
        assertThat(AccessPolicy.decide(subAdmin, Action.VIEW_CONTRACT, reached).allowed()).isTrue();
        assertThat(reached.currentPartyId()).isEqualTo(SUB);
        assertThat(may(member(SUB_RECEIVER, SUB), LifecycleCommand.SET_PARTY_ROUTE, reached)).isTrue();
        assertThat(may(member(SUB_RECEIVER, SUB), LifecycleCommand.DECLINE, reached)).isTrue();
        assertThat(may(member(S_APPROVER, SENDER), LifecycleCommand.APPROVE, reached))
                .as("the sender's approver is done").isFalse();
    }

    @Test
    void everyApproverOnARouteStillSeesTheContractAfterTheirTurn() {
        ContractResource reached = ContractResource.of(LifecycleFixtures.awaitingCounterpartySetUp(), CREATOR, false);

        assertThat(reached.approverIds()).containsExactly(S_APPROVER);
        assertThat(AccessPolicy.decide(member(S_APPROVER, SENDER), Action.VIEW_CONTRACT, reached).allowed())
                .as("the sender's approver, whose turn is over").isTrue();
        assertThat(AccessPolicy.decide(member(new UserId("U10000009"), SENDER), Action.VIEW_CONTRACT, reached).code())
                .as("a member of the sender who takes no part").isEqualTo(Denial.NOT_INVOLVED.code());
    }

    @Test
    void theResourceNamesTheCurrentSignerWithTheAuthorityTheCallerFound() {
        ContractProgress signing = LifecycleFixtures.awaitingCounterpartySignature();
        Actor subSigner = member(SUB_SIGNER, SUB);
        assertThat(may(subSigner, LifecycleCommand.SIGN, ContractResource.of(signing, CREATOR, true))).isTrue();
        assertThat(AccessPolicy.decide(subSigner, Action.SIGN, ContractResource.of(signing, CREATOR, false)).code())
                .isEqualTo("NO_SIGNING_AUTHORITY");
        assertThat(may(member(S_SIGNER, SENDER), LifecycleCommand.SIGN, ContractResource.of(signing, CREATOR, true)))
                .as("the sender has signed already").isFalse();
        assertThat(may(member(SUB_RECEIVER, SUB), LifecycleCommand.ACKNOWLEDGE,
                ContractResource.of(LifecycleFixtures.awaitingReceipt(), CREATOR, false))).isTrue();
    }

    @Test
    void anotherCompanySeesWhoSignsForAPartyButNeverItsApprovers() {
        ContractProgress approving = LifecycleFixtures.inCounterpartyApproval();
        assertThat(approving.current().route()).contains(SUB_APPROVER);

        ContractProgress bySender = approving.seenBy(SENDER);
        assertThat(bySender.sender()).as("the viewer's own party is whole").isEqualTo(approving.sender());
        assertThat(bySender.current().route()).containsExactly(UserId.WITHHELD);
        assertThat(bySender.currentApprover().isWithheld()).as("the other company is approving, unnamed").isTrue();
        assertThat(bySender.current().signer()).isEqualTo(SUB_SIGNER);
        assertThat(bySender.current().receiver()).isEqualTo(SUB_RECEIVER);
        assertThat(bySender.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(may(member(SUB_APPROVER, SUB), LifecycleCommand.APPROVE,
                ContractResource.of(bySender, CREATOR, false)))
                .as("nobody real is on turn in the sender's copy").isFalse();

        ContractProgress bySub = approving.seenBy(SUB);
        assertThat(bySub.sender().route()).as("the sender's internal route").isEmpty();
        assertThat(bySub.sender().signer()).isEqualTo(S_SIGNER);
        assertThat(bySub.current()).isEqualTo(approving.current());
        assertThat(bySub.currentApprover()).isEqualTo(SUB_APPROVER);
        assertThat(may(member(SUB_APPROVER, SUB), LifecycleCommand.APPROVE, ContractResource.of(bySub, CREATOR, false)))
                .isTrue();

        ContractProgress done = LifecycleFixtures.completed();
        assertThat(done.seenBy(SENDER).parties().get(1).route()).isEmpty();
        assertThat(done.seenBy(SUB).sender().route()).isEmpty();
        assertThat(done.seenBy(SUB).parties()).extracting(PartyStep::signer).containsExactly(S_SIGNER, SUB_SIGNER);
        assertThat(done.seenBy(THIRD).parties()).allSatisfy(p -> assertThat(p.route()).isEmpty());
    }

    @Test
    void finishedAndReturnedContractsHaveNobodyOnTurn() {
        ContractResource completed = ContractResource.of(LifecycleFixtures.completed(), CREATOR, false);
        assertThat(completed.reachedPartyIds()).containsExactlyInAnyOrder(SENDER, SUB);
        assertThat(completed.currentPartyId()).isNull();
        assertThat(AccessPolicy.decide(admin(new UserId("U10000009"), SENDER), Action.EDIT_DRAFT, completed).code())
                .isEqualTo("NOT_DRAFT");
        ContractResource returned = ContractResource.of(LifecycleFixtures.returnedByCounterparty(), CREATOR, false);
        assertThat(returned.currentPartyId()).isNull();
        assertThat(returned.reachedPartyIds()).as("back with the sender only").containsExactly(SENDER);
        assertThat(may(member(CREATOR, SENDER), LifecycleCommand.EDIT, returned)).isTrue();
    }

    @Test
    void indexesOutsideThePartiesOrTheRouteAreRefusedAsImpossible() {
        impossible("at least its sender", () -> new ContractProgress(ContractForm.BILATERAL, ContractStatus.DRAFT,
                List.of(), 0, 0, null, null));
        impossible("current party out of range", () -> progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 2, 0,
                SENDER_STEP, SUB_STEP));
        impossible("current party out of range", () -> progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, -1, 0,
                SENDER_STEP, SUB_STEP));
        impossible("route position out of range", () -> progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 0, 2,
                SENDER_STEP, SUB_STEP));
        impossible("route position out of range", () -> progress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, 0, -1,
                SENDER_STEP, SUB_STEP));
        assertThat(progress(ContractForm.BILATERAL, ContractStatus.AWAITING_SIGNATURE, 0, 1, SENDER_STEP, SUB_STEP)
                .routePosition()).as("the position just past the route: the signer's turn").isEqualTo(1);
    }

    @Test
    void aCompletedContractEndsAtItsLastPartyEvenIfTheSignaturesSoFarLookRight() {
        impossible("a completed contract ends at its last party", () -> progress(ContractForm.BILATERAL,
                ContractStatus.COMPLETED, 0, 1, signed(SENDER_STEP), SUB_STEP));
    }

    @Test
    void theSenderOfASendOnlyContractMayHaveAnApprovalRoute() {
        assertThat(progress(ContractForm.SEND_ONLY, ContractStatus.DRAFT, 0, 0, SENDER_STEP, SUB_STEP).parties())
                .hasSize(2);
    }
}
