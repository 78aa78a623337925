package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleCommand.ACKNOWLEDGE;
import static jp.sitesign.model.contract.LifecycleCommand.APPROVE;
import static jp.sitesign.model.contract.LifecycleCommand.DECLINE;
import static jp.sitesign.model.contract.LifecycleCommand.DELETE;
import static jp.sitesign.model.contract.LifecycleCommand.EDIT;
import static jp.sitesign.model.contract.LifecycleCommand.EXPIRE;
import static jp.sitesign.model.contract.LifecycleCommand.SIGN;
import static jp.sitesign.model.contract.LifecycleCommand.SUBMIT;
import static jp.sitesign.model.contract.LifecycleCommand.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import org.junit.jupiter.api.Test;

class ContractLifecycleTest {
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final CompanyId SENDER = new CompanyId("C10000001");
    static final CompanyId SUB = new CompanyId("C20000002");
    static final CompanyId THIRD = new CompanyId("C30000003");
    static final UserId CREATOR = new UserId("U10000001");
    static final UserId S_APPROVER = new UserId("U10000002");
    static final UserId S_SIGNER = new UserId("U10000003");
    static final UserId SUB_RECEIVER = new UserId("U20000001");
    static final UserId SUB_APPROVER = new UserId("U20000002");
    static final UserId SUB_SIGNER = new UserId("U20000003");
    static final UserId THIRD_RECEIVER = new UserId("U30000001");

    static ContractProgress draft(ContractForm form, List<UserId> senderRoute, PartyStep... counterparties) {
        List<PartyStep> parties = new ArrayList<>();
        parties.add(PartyStep.sender(SENDER, senderRoute, S_SIGNER));
        parties.addAll(List.of(counterparties));
        return ContractProgress.draft(form, parties, NOW.plus(Duration.ofDays(14)));
    }

    static ContractProgress twoParty() {
        return draft(ContractForm.BILATERAL, List.of(S_APPROVER), PartyStep.counterparty(SUB, SUB_RECEIVER));
    }

    static ContractProgress ok(Transition t) {
        assertThat(t.denial()).as("refused").isNull();
        return t.next();
    }

    static ContractProgress ok(ContractProgress p, LifecycleCommand c) {
        return ok(ContractLifecycle.apply(p, c, NOW));
    }

    static void refused(ContractProgress p, LifecycleCommand c, LifecycleDenial why) {
        assertThat(ContractLifecycle.apply(p, c, NOW).denial()).as(c + " in " + p.status()).isEqualTo(why);
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
        assertThat(p.status()).as("reached the subcontractor, which must set itself up").isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.awaitingSetup()).isTrue();
        assertThat(p.currentApprover()).isNull();
        assertThat(p.reached()).containsExactlyInAnyOrder(SENDER, SUB);
        refused(p, APPROVE, LifecycleDenial.PARTY_NOT_SET_UP);

        p = ok(ContractLifecycle.setPartyRoute(p, List.of(SUB_APPROVER), SUB_SIGNER));
        assertThat(p.currentApprover()).isEqualTo(SUB_APPROVER);
        p = ok(p, APPROVE);
        assertThat(p.currentSigner()).isEqualTo(SUB_SIGNER);
        p = ok(p, SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(p.parties()).allMatch(PartyStep::signed);
    }

    @Test
    void threePartiesSignInPartyOrderAndEmptyRoutesGoStraightToTheSigner() {
        ContractProgress p = draft(ContractForm.MULTI_PARTY, List.of(), PartyStep.counterparty(SUB, SUB_RECEIVER),
                PartyStep.counterparty(THIRD, THIRD_RECEIVER));
        p = ok(p, SUBMIT);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        p = ok(p, SIGN);
        p = ok(ContractLifecycle.setPartyRoute(p, List.of(), SUB_SIGNER));
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.current().company()).isEqualTo(SUB);
        p = ok(p, SIGN);
        assertThat(p.current().company()).isEqualTo(THIRD);
        assertThat(p.awaitingSetup()).isTrue();
        p = ok(ContractLifecycle.setPartyRoute(p, List.of(), THIRD_RECEIVER));
        p = ok(p, SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(p.reached()).containsExactlyInAnyOrder(SENDER, SUB, THIRD);
    }

    @Test
    void aReturnByTheCounterpartysApproverGoesBackToTheSenderAsADraftAndCanBeResubmitted() {
        ContractProgress p = ok(ok(ok(twoParty(), SUBMIT), APPROVE), SIGN);
        p = ok(ContractLifecycle.setPartyRoute(p, List.of(SUB_APPROVER), SUB_SIGNER));
        p = ok(ContractLifecycle.returnToSender(p, "金額を確認してください"));
        assertThat(p.status()).isEqualTo(ContractStatus.RETURNED);
        assertThat(p.status().isDraft()).isTrue();
        assertThat(p.returnComment()).isEqualTo("金額を確認してください");
        assertThat(p.currentParty()).isZero();
        assertThat(p.parties()).noneMatch(PartyStep::signed);
        assertThat(p.parties().get(1).isSetUp()).as("the counterparty sets itself up again").isFalse();
        assertThat(p.reached()).containsExactly(SENDER);
        ok(p, EDIT);
        ContractProgress again = ok(p, SUBMIT);
        assertThat(again.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(again.returnComment()).isNull();
    }

    @Test
    void sendOnlyEndsWithTheRecipientsAcknowledgementNotASignature() {
        ContractProgress p = draft(ContractForm.SEND_ONLY, List.of(), PartyStep.counterparty(SUB, SUB_RECEIVER));
        p = ok(ok(p, SUBMIT), SIGN);
        assertThat(p.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(p.currentSigner()).as("the recipient confirms").isEqualTo(SUB_RECEIVER);
        refused(p, SIGN, LifecycleDenial.ACKNOWLEDGE_INSTEAD);
        assertThat(ok(p, ACKNOWLEDGE).status()).isEqualTo(ContractStatus.COMPLETED);
        refused(ok(ok(twoParty(), SUBMIT), APPROVE), ACKNOWLEDGE, LifecycleDenial.NOT_SEND_ONLY);
    }

    @Test
    void expiryOnlyAfterTheDeadlineAndOnlyForSentUnfinishedContracts() {
        ContractProgress sent = ok(twoParty(), SUBMIT);
        refused(sent, EXPIRE, LifecycleDenial.DEADLINE_NOT_PASSED);
        Instant after = sent.deadline().plusSeconds(1);
        assertThat(ok(ContractLifecycle.apply(sent, EXPIRE, after)).status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(ContractLifecycle.apply(sent, EXPIRE, sent.deadline()).denial())
                .as("at the deadline itself it is still valid").isEqualTo(LifecycleDenial.DEADLINE_NOT_PASSED);
        assertThat(ContractLifecycle.apply(twoParty(), EXPIRE, after).denial()).isEqualTo(LifecycleDenial.NOT_SENT);
        ContractProgress noDeadline = new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL,
                sent.parties(), 0, 0, null, null);
        assertThat(ContractLifecycle.apply(noDeadline, EXPIRE, after).denial()).isEqualTo(LifecycleDenial.NO_DEADLINE);
    }

    @Test
    void onlyDraftsAreEditedOrDeletedAndDeletingLeavesNothing() {
        assertThat(ContractLifecycle.apply(twoParty(), DELETE, NOW).deleted()).isTrue();
        assertThat(ok(twoParty(), EDIT)).isEqualTo(twoParty());
        ContractProgress sent = ok(twoParty(), SUBMIT);
        refused(sent, EDIT, LifecycleDenial.NOT_A_DRAFT);
        refused(sent, DELETE, LifecycleDenial.NOT_A_DRAFT);
        refused(sent, SUBMIT, LifecycleDenial.NOT_A_DRAFT);
    }

    @Test
    void everyEndedContractRefusesEveryCommand() {
        ContractProgress sent = ok(twoParty(), SUBMIT);
        ContractProgress atSub = ok(ok(sent, APPROVE), SIGN);
        ContractProgress subSetUp = ok(ContractLifecycle.setPartyRoute(atSub, List.of(SUB_APPROVER), SUB_SIGNER));
        ContractProgress completed = ok(ok(subSetUp, APPROVE), SIGN);
        assertThat(completed.status()).isEqualTo(ContractStatus.COMPLETED);
        ContractProgress withdrawn = ok(sent, WITHDRAW);
        ContractProgress declined = ok(atSub, DECLINE);
        ContractProgress expired = ok(ContractLifecycle.apply(sent, EXPIRE, sent.deadline().plusSeconds(1)));
        for (ContractProgress ended : List.of(completed, withdrawn, declined, expired)) {
            assertThat(ContractLifecycle.available(ended, NOW.plus(Duration.ofDays(100)))).as(ended.status().name())
                    .isEmpty();
            for (LifecycleCommand c : LifecycleCommand.values()) {
                if (c != LifecycleCommand.SET_PARTY_ROUTE) {
                    refused(ended, c, LifecycleDenial.FINAL);
                }
            }
            assertThat(ContractLifecycle.returnToSender(ended, "x").denial()).isEqualTo(LifecycleDenial.FINAL);
            assertThat(ContractLifecycle.setPartyRoute(ended, List.of(), SUB_SIGNER).denial())
                    .isEqualTo(LifecycleDenial.FINAL);
        }
    }

    @Test
    void theSenderCannotDeclineButCanWithdrawWhileTheCounterpartyMayDecline() {
        ContractProgress sent = ok(twoParty(), SUBMIT);
        refused(sent, DECLINE, LifecycleDenial.SENDER_CANNOT_DECLINE);
        ContractProgress atSub = ok(ok(sent, APPROVE), SIGN);
        assertThat(ok(atSub, DECLINE).status()).isEqualTo(ContractStatus.DECLINED);
        assertThat(ok(atSub, WITHDRAW).status()).isEqualTo(ContractStatus.WITHDRAWN);
        refused(twoParty(), WITHDRAW, LifecycleDenial.NOT_SENT);
    }

    @Test
    void submittingNeedsACounterpartyASignerAndTheFormsPartyLimit() {
        ContractProgress alone = ContractProgress.draft(ContractForm.BILATERAL,
                List.of(PartyStep.sender(SENDER, List.of(), S_SIGNER)), null);
        refused(alone, SUBMIT, LifecycleDenial.TOO_FEW_PARTIES);
        ContractProgress three = draft(ContractForm.BILATERAL, List.of(), PartyStep.counterparty(SUB, SUB_RECEIVER),
                PartyStep.counterparty(THIRD, THIRD_RECEIVER));
        refused(three, SUBMIT, LifecycleDenial.TOO_MANY_PARTIES);
        ContractProgress noSigner = ContractProgress.draft(ContractForm.BILATERAL,
                List.of(PartyStep.sender(SENDER, List.of(), null), PartyStep.counterparty(SUB, SUB_RECEIVER)), null);
        refused(noSigner, SUBMIT, LifecycleDenial.SIGNER_MISSING);
    }

    @Test
    void aPartyIsSetUpOnceAndOnlyWithASigner() {
        ContractProgress atSub = ok(ok(ok(twoParty(), SUBMIT), APPROVE), SIGN);
        assertThat(ContractLifecycle.setPartyRoute(atSub, List.of(), null).denial())
                .isEqualTo(LifecycleDenial.SIGNER_MISSING);
        ContractProgress setUp = ok(ContractLifecycle.setPartyRoute(atSub, List.of(SUB_APPROVER), SUB_SIGNER));
        assertThat(ContractLifecycle.setPartyRoute(setUp, List.of(), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.ALREADY_SET_UP);
        assertThat(ContractLifecycle.setPartyRoute(twoParty(), List.of(), SUB_SIGNER).denial())
                .isEqualTo(LifecycleDenial.NOT_SENT);
    }

    @Test
    void availableCommandsFollowTheState() {
        assertThat(ContractLifecycle.available(twoParty(), NOW)).containsExactlyInAnyOrder(EDIT, DELETE, SUBMIT);
        ContractProgress inApproval = ok(twoParty(), SUBMIT);
        assertThat(ContractLifecycle.available(inApproval, NOW)).containsExactlyInAnyOrder(APPROVE,
                LifecycleCommand.RETURN, WITHDRAW);
        ContractProgress atSub = ok(ok(inApproval, APPROVE), SIGN);
        assertThat(ContractLifecycle.available(atSub, NOW)).containsExactlyInAnyOrder(
                LifecycleCommand.SET_PARTY_ROUTE, WITHDRAW, DECLINE);
    }

    @Test
    void thePolicyResourceNamesWhoseTurnItIsSoThePolicyDecidesWhoMayAct() {
        ContractProgress inApproval = ok(twoParty(), SUBMIT);
        ContractResource r = inApproval.toResource(CREATOR, false);
        assertThat(r.currentApproverId()).isEqualTo(S_APPROVER);
        assertThat(r.reachedPartyIds()).containsExactly(SENDER);
        Actor approver = new Actor(S_APPROVER, SENDER, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
        Actor signer = new Actor(S_SIGNER, SENDER, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
        Actor subReceiver = new Actor(SUB_RECEIVER, SUB, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
        assertThat(AccessPolicy.decide(approver, APPROVE.action(), r).allowed()).isTrue();
        assertThat(AccessPolicy.decide(signer, APPROVE.action(), r).allowed()).isFalse();
        assertThat(AccessPolicy.decide(subReceiver, LifecycleCommand.SET_PARTY_ROUTE.action(), r).allowed())
                .as("not reached yet").isFalse();

        ContractProgress atSub = ok(ok(inApproval, APPROVE), SIGN);
        ContractResource r2 = atSub.toResource(CREATOR, false);
        assertThat(AccessPolicy.decide(subReceiver, LifecycleCommand.SET_PARTY_ROUTE.action(), r2).allowed()).isTrue();
        ContractProgress subSigning = ok(ContractLifecycle.setPartyRoute(atSub, List.of(), SUB_SIGNER));
        Actor subSigner = new Actor(SUB_SIGNER, SUB, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
        assertThat(AccessPolicy.decide(subSigner, SIGN.action(), subSigning.toResource(CREATOR, true)).allowed())
                .isTrue();
        assertThat(AccessPolicy.decide(subSigner, SIGN.action(), subSigning.toResource(CREATOR, false)).code())
                .isEqualTo("NO_SIGNING_AUTHORITY");
    }

    @Test
    void impossibleProgressIsRefusedAtConstruction() {
        assertThatThrownBy(() -> draft(ContractForm.BILATERAL, List.of(S_APPROVER, S_APPROVER),
                PartyStep.counterparty(SUB, SUB_RECEIVER))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> draft(ContractForm.BILATERAL, List.of(), PartyStep.counterparty(SENDER, SUB_RECEIVER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContractProgress(ContractForm.BILATERAL, ContractStatus.DRAFT,
                twoParty().parties(), 1, 0, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
