package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;

/** Companies, users and contracts in every state, shared by the lifecycle tests. */
final class LifecycleFixtures {
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(14));
    static final Instant AFTER_DEADLINE = DEADLINE.plusSeconds(1);

    static final CompanyId SENDER = new CompanyId("C10000001");
    static final CompanyId SUB = new CompanyId("C20000002");
    static final CompanyId THIRD = new CompanyId("C30000003");
    static final UserId CREATOR = new UserId("U10000001");
    static final UserId S_APPROVER = new UserId("U10000002");
    static final UserId S_SIGNER = new UserId("U10000003");
    static final UserId S_APPROVER_2 = new UserId("U10000004");
    static final UserId SUB_RECEIVER = new UserId("U20000001");
    static final UserId SUB_APPROVER = new UserId("U20000002");
    static final UserId SUB_SIGNER = new UserId("U20000003");
    static final UserId THIRD_RECEIVER = new UserId("U30000001");
    static final UserId THIRD_APPROVER = new UserId("U30000002");
    static final UserId THIRD_SIGNER = new UserId("U30000003");

    private LifecycleFixtures() {
    }

    static ContractProgress draft(ContractForm form, List<UserId> senderRoute, PartyStep... counterparties) {
        List<PartyStep> parties = new ArrayList<>();
        parties.add(PartyStep.sender(SENDER, senderRoute, S_SIGNER));
        parties.addAll(List.of(counterparties));
        return ContractProgress.draft(form, parties, DEADLINE);
    }

    /** 契約書 1対1: the sender with one approver, the subcontractor named by its receiving user. */
    static ContractProgress twoParty() {
        return draft(ContractForm.BILATERAL, List.of(S_APPROVER), PartyStep.counterparty(SUB, SUB_RECEIVER));
    }

    static ContractProgress sendOnly() {
        return draft(ContractForm.SEND_ONLY, List.of(), PartyStep.counterparty(SUB, SUB_RECEIVER));
    }

    static ContractProgress ok(Transition t) {
        assertThat(t.denial()).as("refused").isNull();
        assertThat(t.deleted()).as("deleted").isFalse();
        return t.next();
    }

    static ContractProgress ok(ContractProgress p, LifecycleCommand c) {
        return ok(ContractLifecycle.apply(p, c, NOW));
    }

    static ContractProgress setUp(ContractProgress p, List<UserId> route, UserId signer) {
        return ok(ContractLifecycle.setPartyRoute(p, route, signer));
    }

    static ContractProgress returned(ContractProgress p, String comment) {
        return ok(ContractLifecycle.returnToSender(p, comment));
    }

    // Two-party contract at each step.
    static ContractProgress inSenderApproval() {
        return ok(twoParty(), LifecycleCommand.SUBMIT);
    }

    static ContractProgress awaitingSenderSignature() {
        return ok(inSenderApproval(), LifecycleCommand.APPROVE);
    }

    static ContractProgress awaitingCounterpartySetUp() {
        return ok(awaitingSenderSignature(), LifecycleCommand.SIGN);
    }

    static ContractProgress inCounterpartyApproval() {
        return setUp(awaitingCounterpartySetUp(), List.of(SUB_APPROVER), SUB_SIGNER);
    }

    static ContractProgress awaitingCounterpartySignature() {
        return ok(inCounterpartyApproval(), LifecycleCommand.APPROVE);
    }

    static ContractProgress completed() {
        return ok(awaitingCounterpartySignature(), LifecycleCommand.SIGN);
    }

    static ContractProgress returnedByCounterparty() {
        return returned(inCounterpartyApproval(), "金額を確認してください");
    }

    static ContractProgress awaitingSendOnlySenderSignature() {
        return ok(sendOnly(), LifecycleCommand.SUBMIT);
    }

    static ContractProgress awaitingReceipt() {
        return ok(awaitingSendOnlySenderSignature(), LifecycleCommand.SIGN);
    }

    static ContractProgress withdrawn() {
        return ok(inSenderApproval(), LifecycleCommand.WITHDRAW);
    }

    static ContractProgress declined() {
        return ok(awaitingCounterpartySetUp(), LifecycleCommand.DECLINE);
    }

    static ContractProgress expired() {
        return ok(ContractLifecycle.apply(awaitingCounterpartySignature(), LifecycleCommand.EXPIRE, AFTER_DEADLINE));
    }

    static Actor member(UserId user, CompanyId company) {
        return new Actor(user, company, Role.MEMBER, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
    }

    static Actor admin(UserId user, CompanyId company) {
        return new Actor(user, company, Role.ADMIN, UserStatus.ACTIVE, CompanyStatus.ACTIVE, false);
    }
}
