package jp.sitesign.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import jp.sitesign.model.contract.ContractStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the policy relies on from {@link ContractStatus}: which states count as a draft, and how they read. */
class DraftStatusTest {

    @Test
    void onlyDraftAndReturnedCountAsDrafts() {
        EnumSet<ContractStatus> drafts = EnumSet.noneOf(ContractStatus.class);
        for (ContractStatus status : ContractStatus.values()) {
            if (status.isDraft()) {
                drafts.add(status);
            }
        }

        assertThat(drafts).containsExactlyInAnyOrder(ContractStatus.DRAFT, ContractStatus.RETURNED);
    }

    @Test
    void returnedContractIsShownAsADraftThatWasReturned() {
        assertThat(ContractStatus.RETURNED.labelJa()).isEqualTo("下書き（差戻し）");
        assertThat(ContractStatus.DRAFT.labelJa()).isEqualTo("下書き");
        assertThat(ContractStatus.COMPLETED.labelJa()).isEqualTo("締結済");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContractStatus.class)
    void everyStatusHasJapaneseAndEnglishLabels(ContractStatus status) {
        assertThat(status.labelJa()).isNotBlank();
        assertThat(status.labelEn()).isNotBlank();
    }
}
