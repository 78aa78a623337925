package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.CREATOR;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER_2;
import static jp.sitesign.model.contract.LifecycleFixtures.S_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.contract.ContractTurn.Task;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

/** "Who is this contract waiting on", at every step of a contract's life, for everyone involved. */
class ContractTurnTest {
    private static final List<UserId> EVERYONE = List.of(CREATOR, S_APPROVER, S_APPROVER_2, S_SIGNER, SUB_RECEIVER,
            SUB_APPROVER, SUB_SIGNER);

    @Test
    void aContractWaitsOnExactlyOnePersonAtEachStepOfItsWay() {
        Map<ContractProgress, ContractTurn> steps = new java.util.LinkedHashMap<>();
        steps.put(LifecycleFixtures.inSenderApproval(), new ContractTurn(Task.APPROVE, SENDER, S_APPROVER));
        steps.put(LifecycleFixtures.awaitingSenderSignature(), new ContractTurn(Task.SIGN, SENDER, S_SIGNER));
        steps.put(LifecycleFixtures.awaitingCounterpartySetUp(), new ContractTurn(Task.SET_ROUTE, SUB, SUB_RECEIVER));
        steps.put(LifecycleFixtures.inCounterpartyApproval(), new ContractTurn(Task.APPROVE, SUB, SUB_APPROVER));
        steps.put(LifecycleFixtures.awaitingCounterpartySignature(), new ContractTurn(Task.SIGN, SUB, SUB_SIGNER));
        steps.put(LifecycleFixtures.returnedByCounterparty(), new ContractTurn(Task.REVISE, SENDER, CREATOR));
        steps.put(LifecycleFixtures.awaitingSendOnlySenderSignature(), new ContractTurn(Task.SIGN, SENDER, S_SIGNER));
        steps.put(LifecycleFixtures.awaitingReceipt(), new ContractTurn(Task.ACKNOWLEDGE, SUB, SUB_RECEIVER));
        steps.forEach((p, expected) -> {
            assertThat(ContractTurn.of(p, CREATOR)).as(p.toString()).contains(expected);
            for (UserId u : EVERYONE) {
                assertThat(ContractTurn.waitingOn(p, CREATOR, u)).as(u + " at " + p.status())
                        .isEqualTo(u.equals(expected.person()) ? Optional.of(expected.task()) : Optional.empty());
            }
        });
    }

    @Test
    void theSecondApproverOfARouteIsOnlyOnTurnOnceTheFirstApproved() {
        ContractProgress p = LifecycleFixtures.ok(LifecycleFixtures.draft(ContractForm.BILATERAL,
                List.of(S_APPROVER, S_APPROVER_2), PartyStep.counterparty(SUB, SUB_RECEIVER)), LifecycleCommand.SUBMIT);
        assertThat(ContractTurn.waitingOn(p, CREATOR, S_APPROVER)).contains(Task.APPROVE);
        assertThat(ContractTurn.waitingOn(p, CREATOR, S_APPROVER_2)).isEmpty();

        ContractProgress next = LifecycleFixtures.ok(p, LifecycleCommand.APPROVE);
        assertThat(ContractTurn.waitingOn(next, CREATOR, S_APPROVER)).isEmpty();
        assertThat(ContractTurn.waitingOn(next, CREATOR, S_APPROVER_2)).contains(Task.APPROVE);
    }

    @Test
    void aFirstDraftAndEveryFinalStateWaitOnNobody() {
        for (ContractProgress p : List.of(LifecycleFixtures.twoParty(), LifecycleFixtures.completed(),
                LifecycleFixtures.withdrawn(), LifecycleFixtures.declined(), LifecycleFixtures.expired())) {
            assertThat(ContractTurn.of(p, CREATOR)).as(p.status().name()).isEmpty();
            for (UserId u : EVERYONE) {
                assertThat(ContractTurn.waitingOn(p, CREATOR, u)).isEmpty();
            }
        }
    }

    @Test
    void anotherCompanysApproverAsItsViewerSeesItIsThatCompanysTurnWithNoPerson() {
        ContractProgress seen = LifecycleFixtures.inCounterpartyApproval().seenBy(SENDER);
        ContractTurn turn = ContractTurn.of(seen, CREATOR).orElseThrow();
        assertThat(turn.task()).isEqualTo(Task.APPROVE);
        assertThat(turn.company()).isEqualTo(SUB);
        assertThat(turn.person()).as("withheld: nobody to name").isNull();
        assertThat(turn.isOwnSide(SENDER)).isFalse();
        assertThat(turn.isOwnSide(SUB)).isTrue();
        assertThat(ContractTurn.waitingOn(seen, CREATOR, UserId.WITHHELD)).isEmpty();
    }

    @Test
    void aSealedSendOnlyContractWaitsOnTheServerNotOnAPerson() {
        ContractProgress draft = ContractProgress.draft(ContractForm.SEND_ONLY, List.of(
                PartyStep.sender(SENDER, List.of(), UserId.SERVER_SEAL), PartyStep.counterparty(SUB, SUB_RECEIVER)),
                LifecycleFixtures.DEADLINE);
        ContractProgress due = new ContractProgress(draft.form(), ContractStatus.AWAITING_SIGNATURE, draft.parties(), 0,
                0, draft.deadline(), null);
        assertThat(due.awaitsSeal()).isTrue();
        assertThat(ContractTurn.of(due, CREATOR)).isEmpty();
    }

    @Test
    void everyStatusIsCovered() {
        Set<ContractStatus> seen = java.util.EnumSet.noneOf(ContractStatus.class);
        for (ContractProgress p : List.of(LifecycleFixtures.twoParty(), LifecycleFixtures.inSenderApproval(),
                LifecycleFixtures.awaitingSenderSignature(), LifecycleFixtures.returnedByCounterparty(),
                LifecycleFixtures.completed(), LifecycleFixtures.withdrawn(), LifecycleFixtures.declined(),
                LifecycleFixtures.expired())) {
            ContractTurn.of(p, CREATOR);
            seen.add(p.status());
        }
        assertThat(seen).containsExactlyInAnyOrder(ContractStatus.values());
    }
}
