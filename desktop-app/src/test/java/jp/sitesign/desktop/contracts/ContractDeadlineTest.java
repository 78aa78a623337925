package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.time.JapanTime;
import org.junit.jupiter.api.Test;

/** The list's 署名期限: the day and the days left while someone must still act, overdue in red, in both languages. */
class ContractDeadlineTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    final ContractTexts ja = new ContractTexts(I18n.bundle(Language.JA), List.of());
    final ContractTexts en = new ContractTexts(I18n.bundle(Language.EN), List.of());

    private static java.time.Instant due(LocalDate day) {
        return JapanTime.endOfDayExclusive(day);
    }

    @Test
    void awaitingASignatureOrApprovalTheDeadlineCountsTheDaysLeft() {
        assertThat(ja.deadline(due(LocalDate.of(2026, 12, 20)), ContractStatus.AWAITING_SIGNATURE, TODAY))
                .isEqualTo(new ContractTexts.Deadline("12/20（あと13日）", false));
        assertThat(ja.deadline(due(TODAY), ContractStatus.IN_APPROVAL, TODAY))
                .isEqualTo(new ContractTexts.Deadline("12/7（本日まで）", false));
        assertThat(en.deadline(due(LocalDate.of(2026, 12, 20)), ContractStatus.AWAITING_SIGNATURE, TODAY).text())
                .isEqualTo("12/20 (13d left)");
    }

    @Test
    void aPassedDeadlineIsOverdueAndAFarDeadlineNamesItsYear() {
        assertThat(ja.deadline(due(LocalDate.of(2026, 12, 4)), ContractStatus.AWAITING_SIGNATURE, TODAY))
                .isEqualTo(new ContractTexts.Deadline("12/4（3日超過）", true));
        assertThat(ja.deadline(due(LocalDate.of(2027, 1, 6)), ContractStatus.AWAITING_SIGNATURE, TODAY).text())
                .isEqualTo("1/6（あと30日）");
        assertThat(ja.deadline(due(LocalDate.of(2027, 9, 1)), ContractStatus.AWAITING_SIGNATURE, TODAY).text())
                .isEqualTo("2027/9/1（あと268日）");
    }

    @Test
    void aDraftsOrAFinishedContractsDeadlineIsOnlyADayAndNoDeadlineIsEmpty() {
        assertThat(ja.deadline(due(LocalDate.of(2026, 12, 4)), ContractStatus.COMPLETED, TODAY))
                .isEqualTo(new ContractTexts.Deadline("12/4", false));
        assertThat(ja.deadline(due(LocalDate.of(2026, 12, 20)), ContractStatus.DRAFT, TODAY).text()).isEqualTo("12/20");
        assertThat(ja.deadline(null, ContractStatus.AWAITING_SIGNATURE, TODAY)).isEqualTo(ContractTexts.Deadline.NONE);
    }

    @Test
    void eachStatusGroupHasItsOwnChipColour() {
        assertThat(StatusChip.group(ContractStatus.DRAFT)).isEqualTo(StatusChip.Group.DRAFT);
        assertThat(StatusChip.group(ContractStatus.RETURNED)).isEqualTo(StatusChip.Group.DRAFT);
        assertThat(StatusChip.group(ContractStatus.IN_APPROVAL)).isEqualTo(StatusChip.Group.APPROVAL);
        assertThat(StatusChip.group(ContractStatus.AWAITING_SIGNATURE)).isEqualTo(StatusChip.Group.SIGNATURE);
        assertThat(StatusChip.group(ContractStatus.COMPLETED)).isEqualTo(StatusChip.Group.COMPLETED);
        assertThat(StatusChip.group(ContractStatus.DECLINED)).isEqualTo(StatusChip.Group.STOPPED);
        assertThat(StatusChip.group(ContractStatus.WITHDRAWN)).isEqualTo(StatusChip.Group.STOPPED);
        assertThat(StatusChip.group(ContractStatus.EXPIRED)).isEqualTo(StatusChip.Group.EXPIRED);
    }
}
