package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a draft may say: each limit holds at its edge, and a refusal names the field in both languages. */
class ContractFieldsTest {
    private static ContractData data(String number, String title, Long amount, String note) {
        return new ContractData(number, title, LocalDate.of(2026, 12, 7), amount, true, false, null, note, null);
    }

    private static void refused(ContractData d, String ja, String en) {
        assertThatThrownBy(() -> ContractFields.validate(d)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.messageJa()).isEqualTo(ja);
            assertThat(e.messageEn()).isEqualTo(en);
        });
    }

    private static void accepted(ContractData d) {
        assertThatCode(() -> ContractFields.validate(d)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void aBlankTitleIsRefused(String title) {
        refused(data("A-1", title, 1L, null), "契約文書名称を入力してください。", "The title is required.");
        refused(data("A-1", null, 1L, null), "契約文書名称を入力してください。", "The title is required.");
    }

    @Test
    void eachTextFieldMayBeExactlyAsLongAsItsLimitAndNoLonger() {
        accepted(data("N".repeat(ContractData.MAX_NUMBER), "T".repeat(ContractData.MAX_TITLE), 1L,
                "備".repeat(ContractData.MAX_NOTE)));
        refused(data("A-1", "T".repeat(ContractData.MAX_TITLE + 1), 1L, null),
                "契約文書名称は 200 文字以内で入力してください。", "The title must be at most 200 characters.");
        refused(data("N".repeat(ContractData.MAX_NUMBER + 1), "注文書", 1L, null),
                "文書管理番号は 50 文字以内で入力してください。", "The management number must be at most 50 characters.");
        refused(data("A-1", "注文書", 1L, "備".repeat(ContractData.MAX_NOTE + 1)),
                "備考は 4000 文字以内で入力してください。", "The note must be at most 4000 characters.");
    }

    @Test
    void lineBreaksAndTabsAreTextButOtherControlCharactersAreNot() {
        accepted(data("A-1", "注文書", 1L, "一行目\r\n二行目\tタブ"));
        refused(data("A-1", "注文書\u0007", 1L, null), "契約文書名称に制御文字は使えません。",
                "The title must not contain control characters.");
        refused(data("A\u0000", "注文書", 1L, null), "文書管理番号に制御文字は使えません。",
                "The management number must not contain control characters.");
        refused(data("A-1", "注文書", 1L, "備考\u001b[31m"), "備考に制御文字は使えません。",
                "The note must not contain control characters.");
        refused(data("A-1", "注文書", 1L, "\u0085"), "備考に制御文字は使えません。",
                "The note must not contain control characters.");
    }

    @Test
    void theAmountMayBeZeroOrUnknownButNotNegative() {
        accepted(data("A-1", "注文書", 0L, null));
        accepted(data(null, "注文書", null, null));
        refused(data("A-1", "注文書", -1L, null), "取引金額は 0 以上で入力してください。", "The amount must not be negative.");
    }
}
