package jp.sitesign.model.contract;

import static jp.sitesign.model.contract.LifecycleFixtures.CREATOR;
import static jp.sitesign.model.contract.LifecycleFixtures.SENDER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB;
import static jp.sitesign.model.contract.LifecycleFixtures.S_APPROVER;
import static jp.sitesign.model.contract.LifecycleFixtures.SUB_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

/** The status words every screen and the demo printout use, with whose turn it is. */
class ContractStatusWordTest {
    private static final Map<UserId, String> NAMES = Map.of(S_APPROVER, "佐藤 花子", SUB_SIGNER, "中村 さくら");
    private static final Function<UserId, String> KNOWN = NAMES::get;
    private static final Function<UserId, String> NONE = u -> null;

    @Test
    void theStatusWordsAreTheOnesTheReviewAskedFor() {
        assertThat(ContractStatus.IN_APPROVAL.labelJa()).isEqualTo("承認待ち");
        assertThat(ContractStatus.RETURNED.labelJa()).isEqualTo("下書き（差戻し）");
        assertThat(ContractStatusWord.of(LifecycleFixtures.completed()).ja()).isEqualTo("締結済");
        assertThat(ContractStatusWord.of(LifecycleFixtures.ok(LifecycleFixtures.awaitingReceipt(),
                LifecycleCommand.ACKNOWLEDGE))).as("送付のみ, acknowledged").isEqualTo(ContractStatusWord.RECEIPT_ACKNOWLEDGED);
        assertThat(ContractStatusWord.RECEIPT_ACKNOWLEDGED.ja()).isEqualTo("受領確認済");
        assertThat(ContractStatusWord.of(LifecycleFixtures.awaitingReceipt()).ja()).isEqualTo("受領確認待ち");
        assertThat(ContractStatusWord.of(LifecycleFixtures.awaitingCounterpartySetUp()).ja()).isEqualTo("承認ルート設定待ち");
        for (ContractStatusWord w : ContractStatusWord.values()) {
            assertThat(w.texts().ja()).as(w.name()).isNotBlank();
            assertThat(w.texts().en()).as(w.name()).isNotBlank();
            assertThat(w.code()).as("a label, never a refusal").isNull();
        }
        for (ContractStatus s : ContractStatus.values()) {
            assertThat(s.labelJa()).isEqualTo(ContractStatusWord.of(s).ja());
            assertThat(s.labelEn()).isEqualTo(ContractStatusWord.of(s).en());
        }
    }

    @Test
    void aSentContractSaysWhoseSideAndWhoWhenKnown() {
        ContractStatusWord.Text own = ContractStatusWord.describe(LifecycleFixtures.inSenderApproval(), CREATOR,
                SENDER, KNOWN);
        assertThat(own.ja()).isEqualTo("承認待ち（自社・佐藤 花子）");
        assertThat(own.en()).isEqualTo("For approval (us, 佐藤 花子)");

        ContractStatusWord.Text theirs = ContractStatusWord.describe(LifecycleFixtures.inSenderApproval(), CREATOR,
                SUB, NONE);
        assertThat(theirs.ja()).as("the other side's approver is not named").isEqualTo("承認待ち（相手方）");
        assertThat(theirs.en()).as("short enough for the list's chip at 1366×768").isEqualTo("For approval (partner)");

        assertThat(ContractStatusWord.describe(LifecycleFixtures.awaitingCounterpartySignature(), CREATOR, SENDER,
                NONE).ja()).isEqualTo("署名待ち（相手方）");
        assertThat(ContractStatusWord.describe(LifecycleFixtures.awaitingCounterpartySignature(), CREATOR, SUB,
                KNOWN).ja()).isEqualTo("署名待ち（自社・中村 さくら）");
        assertThat(ContractStatusWord.describe(LifecycleFixtures.awaitingReceipt(), CREATOR, SENDER, NONE).ja())
                .isEqualTo("受領確認待ち（相手方）");
    }

    @Test
    void withoutAViewerOnlyThePersonIsNamed_asTheDemoPrintoutWritesIt() {
        assertThat(ContractStatusWord.describe(LifecycleFixtures.inSenderApproval(), CREATOR, null, KNOWN).ja())
                .isEqualTo("承認待ち（佐藤 花子）");
        assertThat(ContractStatusWord.describe(LifecycleFixtures.inSenderApproval(), CREATOR, null, NONE).ja())
                .isEqualTo("承認待ち");
    }

    @Test
    void draftsAndFinalStatesAreTheirWordAlone() {
        assertThat(ContractStatusWord.describe(LifecycleFixtures.returnedByCounterparty(), CREATOR, SENDER, KNOWN)
                .ja()).isEqualTo("下書き（差戻し）");
        assertThat(ContractStatusWord.describe(LifecycleFixtures.withdrawn(), CREATOR, SENDER, KNOWN).ja())
                .isEqualTo("取消");
        assertThat(ContractStatusWord.describe(LifecycleFixtures.twoParty(), CREATOR, SENDER, KNOWN).ja())
                .isEqualTo("下書き");
    }

    @Test
    void everyTaskHasItsWords() {
        for (ContractTurn.Task t : ContractTurn.Task.values()) {
            assertThat(ContractStatusWord.of(t).ja()).endsWith("。");
        }
    }
}
