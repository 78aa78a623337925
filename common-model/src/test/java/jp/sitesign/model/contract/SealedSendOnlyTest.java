package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.NOW;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_RECEIVER;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.sitesign.model.integration.WebhookEvent;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * 送付のみ sent by an integration application (ADR 34): the sender's route approves, the server's organisation seal
 * stands for the sender's signature, the recipient acknowledges receipt.
 */
class SealedSendOnlyTest {

    private static ContractProgress sealedDraft(List<UserId> route) {
        return ContractProgress.draft(ContractForm.SEND_ONLY, List.of(
                PartyStep.sender(SENDER, route, UserId.SERVER_SEAL), PartyStep.counterparty(SUB, SUB_RECEIVER)), null);
    }

    @Test
    void theSendersRouteApproves_thenTheSealSendsIt_andTheRecipientsReceiptCompletesIt() {
        ContractProgress p = ok(sealedDraft(List.of(S_APPROVER)), LifecycleCommand.SUBMIT);
        assertThat(p.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(p.awaitsSeal()).as("people approve first").isFalse();
        assertThat(ContractLifecycle.apply(p, LifecycleCommand.SEAL, NOW).denial())
                .isEqualTo(LifecycleDenial.NOT_AWAITING_SEAL);

        p = ok(p, LifecycleCommand.APPROVE);
        assertThat(p.awaitsSeal()).isTrue();
        assertThat(p.reached()).as("not sent before the seal").containsExactly(SENDER);
        assertThat(ContractLifecycle.apply(p, LifecycleCommand.SIGN, NOW).denial())
                .as("nobody signs in the seal's place").isEqualTo(LifecycleDenial.SEALED_NOT_SIGNED);
        assertThat(ContractLifecycle.available(p, NOW)).contains(LifecycleCommand.SEAL)
                .doesNotContain(LifecycleCommand.SIGN);

        ContractProgress sealed = ok(p, LifecycleCommand.SEAL);
        assertThat(sealed.sender().signed()).isTrue();
        assertThat(sealed.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURE);
        assertThat(sealed.currentSigner()).as("the recipient acknowledges").isEqualTo(SUB_RECEIVER);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.SEAL, p, sealed))
                .containsExactly(WebhookEvent.SIGNED, WebhookEvent.SENT);
        assertThat(ContractLifecycle.apply(sealed, LifecycleCommand.SEAL, NOW).denial())
                .as("sealed once").isEqualTo(LifecycleDenial.NOT_AWAITING_SEAL);

        ContractProgress done = ok(sealed, LifecycleCommand.ACKNOWLEDGE);
        assertThat(done.status()).isEqualTo(ContractStatus.COMPLETED);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.ACKNOWLEDGE, sealed, done))
                .containsExactly(WebhookEvent.COMPLETED);
    }

    @Test
    void withoutARouteTheSubmitItselfMakesTheSealDue() {
        ContractProgress p = ok(sealedDraft(List.of()), LifecycleCommand.SUBMIT);
        assertThat(p.awaitsSeal()).isTrue();
        assertThat(ok(p, LifecycleCommand.SEAL).reached()).containsExactlyInAnyOrder(SENDER, SUB);
    }

    @Test
    void theSendersApproverMayStillReturnIt_andItIsSealedOnlyAfterTheNextApproval() {
        ContractProgress p = ok(sealedDraft(List.of(S_APPROVER)), LifecycleCommand.SUBMIT);
        ContractProgress returned = ok(ContractLifecycle.returnToSender(p, "単価を確認してください"));
        assertThat(returned.status()).isEqualTo(ContractStatus.RETURNED);
        assertThat(returned.awaitsSeal()).isFalse();
        assertThat(returned.sealedBySender()).isTrue();
    }

    @Test
    void onlyTheSenderOfASendOnlyContractIsSealed_andTheSealApprovesNothing() {
        assertThatThrownBy(() -> ContractProgress.draft(ContractForm.BILATERAL, List.of(
                PartyStep.sender(SENDER, List.of(), UserId.SERVER_SEAL), PartyStep.counterparty(SUB, SUB_RECEIVER)),
                null)).hasMessageContaining("only the sender of a send-only contract is sealed");
        assertThatThrownBy(() -> sealedDraft(List.of(UserId.SERVER_SEAL)))
                .hasMessageContaining("the server's seal approves nothing");
        ContractProgress signedByAPerson = LifecycleFixtures.awaitingSendOnlySenderSignature();
        assertThat(signedByAPerson.sealedBySender()).isFalse();
        assertThat(signedByAPerson.awaitsSeal()).as("a person's 送付のみ is signed as before").isFalse();
        assertThat(ContractLifecycle.apply(signedByAPerson, LifecycleCommand.SEAL, NOW).denial())
                .isEqualTo(LifecycleDenial.NOT_AWAITING_SEAL);
    }
}
