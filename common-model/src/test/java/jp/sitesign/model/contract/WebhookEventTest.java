package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.sitesign.model.integration.WebhookEvent;
import org.junit.jupiter.api.Test;

/** Which webhook events each lifecycle step raises (kept beside the lifecycle's fixtures). */
class WebhookEventTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static ContractProgress step(ContractProgress p, LifecycleCommand command) {
        Transition t = ContractLifecycle.apply(p, command, NOW);
        assertThat(t.allowed()).as(command.name()).isTrue();
        return t.next();
    }

    @Test
    void theSendersSignatureSendsIt_andEachStepRaisesItsOwnEvent() {
        ContractProgress draft = LifecycleFixtures.twoParty();
        ContractProgress inApproval = step(draft, LifecycleCommand.SUBMIT);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.SUBMIT, draft, inApproval)).isEmpty();
        ContractProgress toSign = step(inApproval, LifecycleCommand.APPROVE);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.APPROVE, inApproval, toSign))
                .containsExactly(WebhookEvent.APPROVED);
        ContractProgress sent = step(toSign, LifecycleCommand.SIGN);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.SIGN, toSign, sent))
                .containsExactly(WebhookEvent.SIGNED, WebhookEvent.SENT);
        ContractProgress withdrawn = step(sent, LifecycleCommand.WITHDRAW);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.WITHDRAW, sent, withdrawn))
                .containsExactly(WebhookEvent.WITHDRAWN);
    }

    @Test
    void aSendOnlyContractIsCompletedByTheReceiptItsRecipientAcknowledges() {
        ContractProgress p = LifecycleFixtures.sendOnly();
        while (p.status() != ContractStatus.AWAITING_SIGNATURE) {
            p = step(p, p.status() == ContractStatus.DRAFT ? LifecycleCommand.SUBMIT : LifecycleCommand.APPROVE);
        }
        ContractProgress sent = step(p, LifecycleCommand.SIGN);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.SIGN, p, sent)).containsExactly(WebhookEvent.SIGNED,
                WebhookEvent.SENT);
        ContractProgress received = step(sent, LifecycleCommand.ACKNOWLEDGE);
        assertThat(WebhookEvent.raisedBy(LifecycleCommand.ACKNOWLEDGE, sent, received))
                .containsExactly(WebhookEvent.COMPLETED);
    }

    @Test
    void namesTravelAsWireNames() {
        assertThat(WebhookEvent.fromWire("contract.completed")).contains(WebhookEvent.COMPLETED);
        assertThat(WebhookEvent.fromWire("COMPLETED")).isEmpty();
    }
}
