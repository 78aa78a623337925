package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleCommand.ACKNOWLEDGE;
import static jp.sitesign.model.contract.LifecycleCommand.APPROVE;
import static jp.sitesign.model.contract.LifecycleCommand.DECLINE;
import static jp.sitesign.model.contract.LifecycleCommand.EDIT;
import static jp.sitesign.model.contract.LifecycleCommand.EXPIRE;
import static jp.sitesign.model.contract.LifecycleCommand.SIGN;
import static jp.sitesign.model.contract.LifecycleCommand.SUBMIT;
import static jp.sitesign.model.contract.LifecycleCommand.WITHDRAW;
import static jp.sitesign.model.contract.LifecycleFixtures.AFTER_DEADLINE;
import static jp.sitesign.model.contract.LifecycleFixtures.DEADLINE;
import static jp.sitesign.model.contract.LifecycleFixtures.NOW;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER_2;
import static jp.sitesign.model.contract.LifecycleFixtures.S_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.THIRD_SIGNER;
import static jp.sitesign.model.contract.LifecycleFixtures.draft;
import static jp.sitesign.model.contract.LifecycleFixtures.ok;
import static jp.sitesign.model.contract.LifecycleFixtures.setUp;
import static jp.sitesign.model.contract.LifecycleFixtures.twoParty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole runs through the workflow and the rules the state table alone does not show. */
class ContractLifecycleTest {

    private static LifecycleDenial refusal(ContractProgress p, LifecycleCommand c, Instant now) {
        Transition t = ContractLifecycle.apply(p, c, now);
        assertThat(t.allowed()).as(c + " in " + p.status()).isFalse();
        return t.denial();
    }

    @Test
    void twoPartiesGoFromDraftThroughBothRoutesAndSignaturesToCompleted() {
        ContractProgress p = ok(twoParty(), SUBMIT);
        assertThat(p.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.currentApprover()).isEqualTo(S_APPROVER);
        assertThat(p.reached()).containsExactly(SENDER);

        p = ok(p, APPROVE);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.currentSigner()).isEqualTo(S_SIGNER);

        p = ok(p, SIGN);
        assertThat(p.status()).as("reached the subcontractor, which sets itself up")
                .isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.awaitingSetup()).isTrue();
        assertThat(p.currentApprover()).isNull();
        assertThat(p.parties().get(0).signed()).isTrue();
        assertThat(p.reached()).containsExactlyInAnyOrder(SENDER, SUB);

        p = setUp(p, List.of(SUB_APPROVER), SUB_SIGNER);
        assertThat(p.currentApprover()).isEqualTo(SUB_APPROVER);
        p = ok(p, APPROVE);
        assertThat(p.currentSigner()).isEqualTo(SUB_SIGNER);
        p = ok(p, SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(p.parties()).allMatch(PartyStep::signed);
        assertThat(p.currentApprover()).isNull();
        assertThat(p.currentSigner()).isNull();
    }

    @Test
    void threePartiesEachRunTheirRouteAndSignInPartyOrder() {
        ContractProgress p = draft(ContractForm.MULTI_PARTY, List.of(S_APPROVER),
                PartyStep.counterparty(SUB, SUB_RECEIVER), PartyStep.counterparty(THIRD, THIRD_RECEIVER));
        p = ok(ok(ok(p, SUBMIT), APPROVE), SIGN);
        assertThat(p.current().company()).isEqualTo(SUB);
        assertThat(p.reached()).as("the third party waits for the second").containsExactlyInAnyOrder(SENDER, SUB);

        p = ok(setUp(p, List.of(SUB_APPROVER), SUB_SIGNER), APPROVE);
        assertThat(p.currentSigner()).isEqualTo(SUB_SIGNER);
        p = ok(p, SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.current().company()).isEqualTo(THIRD);
        assertThat(p.awaitingSetup()).isTrue();
        assertThat(p.parties()).extracting(PartyStep::signed).containsExactly(true, true, false);

        p = setUp(p, List.of(THIRD_APPROVER), THIRD_SIGNER);
        assertThat(p.currentApprover()).isEqualTo(THIRD_APPROVER);
        p = ok(ok(p, APPROVE), SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(p.reached()).containsExactlyInAnyOrder(SENDER, SUB, THIRD);
    }

    @Test
    void emptyRoutesGoStraightToTheSigner() {
        ContractProgress p = ok(draft(ContractForm.BILATERAL, List.of(), PartyStep.counterparty(SUB, SUB_RECEIVER)),
                SUBMIT);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.currentSigner()).isEqualTo(S_SIGNER);
        p = setUp(ok(p, SIGN), List.of(), SUB_SIGNER);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.currentSigner()).isEqualTo(SUB_SIGNER);
    }

    @Test
    void approversApproveOneAfterAnotherInRouteOrder() {
        ContractProgress p = ok(draft(ContractForm.BILATERAL, List.of(S_APPROVER, S_APPROVER_2),
                PartyStep.counterparty(SUB, SUB_RECEIVER)), SUBMIT);
        assertThat(p.currentApprover()).isEqualTo(S_APPROVER);
        p = ok(p, APPROVE);
        assertThat(p.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.currentApprover()).isEqualTo(S_APPROVER_2);
        p = ok(p, APPROVE);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
    }

    @Test
    void aReturnByTheCounterpartysApproverGoesBackToTheSenderAndCanBeResubmitted() {
        ContractProgress p = ContractLifecycle.returnToSender(LifecycleFixtures.inCounterpartyApproval(),
                "  金額を確認してください ").next();
        assertThat(p.status()).isEqualTo(ContractStatus.RETURNED);
        assertThat(p.status().isDraft()).isTrue();
        assertThat(p.returnComment()).isEqualTo("金額を確認してください");
        assertThat(p.currentParty()).isZero();
        assertThat(p.parties()).as("the signatures were on the old document").noneMatch(PartyStep::signed);
        assertThat(p.parties().get(1).isSetUp()).as("the counterparty sets itself up again").isFalse();
        assertThat(p.reached()).containsExactly(SENDER);
        assertThat(ok(p, EDIT)).as("editing keeps the comment to work from").isEqualTo(p);

        ContractProgress again = ok(p, SUBMIT);
        assertThat(again.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(again.currentApprover()).as("the sender's route starts over").isEqualTo(S_APPROVER);
        assertThat(again.returnComment()).isNull();
    }

    @Test
    void aReturnFromLaterOnTheSendersRouteStartsTheRouteOverOnResubmission() {
        ContractProgress p = ok(ok(draft(ContractForm.BILATERAL, List.of(S_APPROVER, S_APPROVER_2),
                PartyStep.counterparty(SUB, SUB_RECEIVER)), SUBMIT), APPROVE);
        ContractProgress back = ContractLifecycle.returnToSender(p, "添付が足りません").next();
        assertThat(back.routePosition()).isZero();
        assertThat(ok(back, SUBMIT).currentApprover()).isEqualTo(S_APPROVER);
    }

    @Test
    void aReturnNeedsACommentSayingWhy() {
        ContractProgress p = LifecycleFixtures.inSenderApproval();
        assertThat(ContractLifecycle.returnToSender(p, null).denial()).isEqualTo(LifecycleDenial.COMMENT_REQUIRED);
        assertThat(ContractLifecycle.returnToSender(p, " \n").denial()).isEqualTo(LifecycleDenial.COMMENT_REQUIRED);
        assertThat(refusal(p, LifecycleCommand.RETURN, NOW)).as("apply has no comment to give")
                .isEqualTo(LifecycleDenial.COMMENT_REQUIRED);
    }

    @Test
    void sendOnlyEndsWithTheRecipientsAcknowledgementNotASignature() {
        ContractProgress p = ok(LifecycleFixtures.sendOnly(), SUBMIT);
        assertThat(p.currentSigner()).isEqualTo(S_SIGNER);
        p = ok(p, SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.awaitingSetup()).as("the recipient names no route").isFalse();
        assertThat(p.currentSigner()).as("the receiving user confirms").isEqualTo(SUB_RECEIVER);
        assertThat(refusal(p, SIGN, NOW)).isEqualTo(LifecycleDenial.ACKNOWLEDGE_INSTEAD);
        ContractProgress done = ok(p, ACKNOWLEDGE);
        assertThat(done.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(done.parties()).extracting(PartyStep::signed).containsExactly(true, false);
    }

    @Test
    void expiryComesOnlyAfterTheDeadline() {
        ContractProgress sent = LifecycleFixtures.inSenderApproval();
        assertThat(refusal(sent, EXPIRE, NOW)).isEqualTo(LifecycleDenial.DEADLINE_NOT_PASSED);
        assertThat(refusal(sent, EXPIRE, DEADLINE)).as("the deadline itself is still in time")
                .isEqualTo(LifecycleDenial.DEADLINE_NOT_PASSED);
        ContractProgress expired = ContractLifecycle.apply(sent, EXPIRE, AFTER_DEADLINE).next();
        assertThat(expired.status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(expired.reached()).as("who saw it still sees it").isEqualTo(sent.reached());
    }

    @Test
    void onlyUnfinishedContractsOutOfTheSendersHandsExpire() {
        Instant muchLater = DEADLINE.plusSeconds(86_400 * 365);
        assertThat(refusal(twoParty(), EXPIRE, muchLater)).isEqualTo(LifecycleDenial.NOT_SENT);
        assertThat(refusal(LifecycleFixtures.returnedByCounterparty(), EXPIRE, muchLater))
                .isEqualTo(LifecycleDenial.NOT_SENT);
        assertThat(refusal(LifecycleFixtures.completed(), EXPIRE, muchLater)).isEqualTo(LifecycleDenial.FINAL);
        ContractProgress noDeadline = ok(ContractProgress.draft(ContractForm.BILATERAL, twoParty().parties(), null),
                SUBMIT);
        assertThat(refusal(noDeadline, EXPIRE, muchLater)).isEqualTo(LifecycleDenial.NO_DEADLINE);
    }

    @Test
    void aContractPastItsDeadlineIsNotSentUntilTheDeadlineIsChanged() {
        assertThat(refusal(twoParty(), SUBMIT, DEADLINE)).isEqualTo(LifecycleDenial.DEADLINE_PASSED);
        ContractProgress returned = LifecycleFixtures.returnedByCounterparty();
        assertThat(refusal(returned, SUBMIT, AFTER_DEADLINE)).isEqualTo(LifecycleDenial.DEADLINE_PASSED);
        ContractProgress newDeadline = new ContractProgress(returned.form(), returned.status(), returned.parties(),
                0, 0, AFTER_DEADLINE.plusSeconds(3600), returned.returnComment());
        assertThat(ContractLifecycle.apply(newDeadline, SUBMIT, AFTER_DEADLINE).allowed()).isTrue();
    }

    @Test
    void onlyDraftsAreEditedOrDeletedAndDeletingLeavesNothing() {
        Transition delete = ContractLifecycle.apply(twoParty(), LifecycleCommand.DELETE, NOW);
        assertThat(delete.deleted()).isTrue();
        assertThat(delete.next()).isNull();
        assertThat(ContractLifecycle.apply(LifecycleFixtures.returnedByCounterparty(), LifecycleCommand.DELETE, NOW)
                .deleted()).isTrue();
        ContractProgress sent = LifecycleFixtures.inSenderApproval();
        assertThat(refusal(sent, EDIT, NOW)).isEqualTo(LifecycleDenial.NOT_A_DRAFT);
        assertThat(refusal(sent, LifecycleCommand.DELETE, NOW)).isEqualTo(LifecycleDenial.NOT_A_DRAFT);
    }

    @Test
    void aCompletedContractRefusesEverythingIncludingTheCommandsThatCarryData() {
        ContractProgress completed = LifecycleFixtures.completed();
        for (LifecycleCommand c : LifecycleCommand.values()) {
            if (c != LifecycleCommand.SET_PARTY_ROUTE) {
                assertThat(refusal(completed, c, AFTER_DEADLINE)).as(c.name()).isEqualTo(LifecycleDenial.FINAL);
            }
        }
        assertThat(ContractLifecycle.returnToSender(completed, "x").denial()).isEqualTo(LifecycleDenial.FINAL);
        assertThat(ContractLifecycle.setPartyRoute(completed, List.of(), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.FINAL);
        assertThat(ContractLifecycle.available(completed, AFTER_DEADLINE)).isEmpty();
    }

    @Test
    void aReturnedContractMayBeWithdrawnButAFirstDraftIsDeletedInstead() {
        assertThat(refusal(twoParty(), WITHDRAW, NOW)).isEqualTo(LifecycleDenial.NEVER_SENT);
        ContractProgress withdrawn = ok(LifecycleFixtures.returnedByCounterparty(), WITHDRAW);
        assertThat(withdrawn.status()).isEqualTo(ContractStatus.WITHDRAWN);
        assertThat(withdrawn.reached()).containsExactly(SENDER);
    }

    @Test
    void theCounterpartyOnTurnMayDeclineButTheSenderWithdraws() {
        assertThat(refusal(LifecycleFixtures.awaitingSenderSignature(), DECLINE, NOW))
                .isEqualTo(LifecycleDenial.SENDER_CANNOT_DECLINE);
        ContractProgress declined = ok(LifecycleFixtures.awaitingCounterpartySetUp(), DECLINE);
        assertThat(declined.status()).isEqualTo(ContractStatus.DECLINED);
        assertThat(declined.reached()).containsExactlyInAnyOrder(SENDER, SUB);
    }

    @Test
    void submittingNeedsACounterpartyAndTheSendersSigner() {
        ContractProgress alone = ContractProgress.draft(ContractForm.BILATERAL,
                List.of(PartyStep.sender(SENDER, List.of(), S_SIGNER)), null);
        assertThat(refusal(alone, SUBMIT, NOW)).isEqualTo(LifecycleDenial.TOO_FEW_PARTIES);
        ContractProgress noSigner = ContractProgress.draft(ContractForm.BILATERAL,
                List.of(PartyStep.sender(SENDER, List.of(), null), PartyStep.counterparty(SUB, SUB_RECEIVER)), null);
        assertThat(refusal(noSigner, SUBMIT, NOW)).isEqualTo(LifecycleDenial.SIGNER_MISSING);
    }

    @Test
    void aCounterpartySetsItselfUpOnceWithASignerAndAValidRoute() {
        ContractProgress atSub = LifecycleFixtures.awaitingCounterpartySetUp();
        assertThat(ContractLifecycle.setPartyRoute(atSub, List.of(), null).denial())
                .isEqualTo(LifecycleDenial.SIGNER_MISSING);
        assertThat(ContractLifecycle.setPartyRoute(atSub, List.of(SUB_APPROVER, SUB_APPROVER), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.INVALID_ROUTE);
        assertThat(ContractLifecycle.setPartyRoute(atSub, java.util.Arrays.asList(SUB_APPROVER, null), SUB_SIGNER)
                .denial()).isEqualTo(LifecycleDenial.INVALID_ROUTE);
        ContractProgress setUp = setUp(atSub, List.of(SUB_APPROVER), SUB_SIGNER);
        assertThat(ContractLifecycle.setPartyRoute(setUp, List.of(), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.ALREADY_SET_UP);
        assertThat(ContractLifecycle.setPartyRoute(twoParty(), List.of(), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.NOT_SENT);
    }

    @Test
    void setPartyRouteCannotGoThroughApplyWithoutItsData() {
        assertThatThrownBy(() -> ContractLifecycle.apply(LifecycleFixtures.awaitingCounterpartySetUp(),
                LifecycleCommand.SET_PARTY_ROUTE, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
