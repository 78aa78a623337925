package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 取消 and 辞退 keep the reason the user gave as the contract's comment; without one (older clients) none. */
class WithdrawReasonTest {

    @Test
    void aWithdrawalKeepsItsReason_strippedAsAReturnsCommentIs() {
        Transition t = ContractLifecycle.apply(LifecycleFixtures.inSenderApproval(), LifecycleCommand.WITHDRAW, NOW,
                "  発注内容が変更になったため  ");
        assertThat(t.next().status()).isEqualTo(ContractStatus.WITHDRAWN);
        assertThat(t.next().returnComment()).isEqualTo("発注内容が変更になったため");
    }

    @Test
    void aWithdrawalOfAReturnedDraftReplacesTheReturnsComment_andOneWithoutAReasonKeepsNone() {
        ContractProgress returned = LifecycleFixtures.returnedByCounterparty();
        assertThat(returned.returnComment()).isNotNull();
        assertThat(ContractLifecycle.apply(returned, LifecycleCommand.WITHDRAW, NOW, "中止").next().returnComment())
                .isEqualTo("中止");
        ContractProgress old = ContractLifecycle.apply(returned, LifecycleCommand.WITHDRAW, NOW, null).next();
        assertThat(old.status()).as("a client before issue 14 sent no reason: still accepted")
                .isEqualTo(ContractStatus.WITHDRAWN);
        assertThat(old.returnComment()).as("not the return's comment, shown as the withdrawal's reason").isNull();
    }

    @Test
    void aDeclineKeepsItsReason() {
        Transition t = ContractLifecycle.apply(LifecycleFixtures.awaitingCounterpartySetUp(), LifecycleCommand.DECLINE,
                NOW, "今回は見送ります");
        assertThat(t.next().status()).isEqualTo(ContractStatus.DECLINED);
        assertThat(t.next().returnComment()).isEqualTo("今回は見送ります");
    }

    @Test
    void aReturnStillNeedsItsComment_andOtherCommandsIgnoreOne() {
        assertThat(ContractLifecycle.apply(LifecycleFixtures.inSenderApproval(), LifecycleCommand.RETURN, NOW, " ")
                .denial()).isEqualTo(LifecycleDenial.COMMENT_REQUIRED);
        Transition approved = ContractLifecycle.apply(LifecycleFixtures.inSenderApproval(), LifecycleCommand.APPROVE,
                NOW, "ignored");
        assertThat(approved.next().returnComment()).isNull();
        assertThat(ContractLifecycle.apply(LifecycleFixtures.twoParty(), LifecycleCommand.WITHDRAW, NOW, "x").denial())
                .isEqualTo(LifecycleDenial.NEVER_SENT);
    }
}
