package jp.sitesign.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one reader of typed dates: every form office staff type, whatever the display style, and clear refusals. */
class DateInputTest {
    static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

    @ParameterizedTest
    @ValueSource(strings = {"2026/4/1", "2026/04/01", "2026-04-01", "2026-4-1", "2026.4.1", "2026年4月1日",
            " 2026/4/1 ", "２０２６／４／１", "令和8年4月1日", "令和８年４月１日", "R8.4.1", "R08.04.01", "r8.4.1",
            "R8/4/1", "R8-4-1", "Ｒ８．４．１", "Reiwa 8/4/1", "reiwa 8/4/1"})
    void everyFormNamesTheSameDay(String typed) {
        assertThat(DateInput.parse(typed)).isEqualTo(APRIL_1);
    }

    @Test
    void eraInitialsAndTheFirstYearOfAnEra() {
        assertThat(DateInput.parse("H31.4.30")).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(DateInput.parse("R1.5.1")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(DateInput.parse("令和元年5月1日")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(DateInput.parse("S64.1.7")).isEqualTo(LocalDate.of(1989, 1, 7));
        assertThat(DateInput.parse("平成元年1月8日")).isEqualTo(LocalDate.of(1989, 1, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/2/30", "2026/13/1", "平成31年5月1日", "H32.1.1", "R0.1.1", "X8.4.1", "京都8年4月1日",
            "Kyoto 8/4/1", "26/4/1", "4/1", "2026/4", "あした", "2026/4/1 10:00", "R8.4.1.", "20260401x"})
    void anythingElseIsRefused(String typed) {
        assertThatThrownBy(() -> DateInput.parse(typed)).isInstanceOf(DateTimeParseException.class);
        assertThat(DateInput.acceptable(typed)).isFalse();
    }

    @Test
    void blankIsNoDayAndAcceptable() {
        assertThat(DateInput.optional("  ")).isEmpty();
        assertThat(DateInput.optional(null)).isEmpty();
        assertThat(DateInput.acceptable("")).isTrue();
        assertThatThrownBy(() -> DateInput.parse("")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theDisplaysPickersAndTheListFilterReadThroughIt() {
        for (DateStyle style : DateStyle.values()) {
            assertThat(DateDisplay.of(style).converter().fromString("R8.4.1")).isEqualTo(APRIL_1);
            assertThat(DateDisplay.of(style).converter().fromString("2026/4/1")).isEqualTo(APRIL_1);
        }
        assertThat(new jp.sitesign.desktop.contracts.ContractFilter(null, null, null, "R8.4.1", "2026/4/30", null,
                null, null, null).query(0, 10).dateFrom()).isEqualTo(APRIL_1);
    }
}
