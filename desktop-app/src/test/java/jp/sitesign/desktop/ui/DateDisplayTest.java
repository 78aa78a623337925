package jp.sitesign.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.sitesign.desktop.settings.Settings;
import org.junit.jupiter.api.Test;

/** Dates are written in the chosen style, 和暦 with the right era and 元年, and always as the JST day. */
class DateDisplayTest {
    private final DateDisplay seireki = DateDisplay.of(DateStyle.SEIREKI);
    private final DateDisplay wareki = DateDisplay.of(DateStyle.WAREKI);

    @Test
    void seirekiWritesYearMonthDayWithSlashes() {
        assertThat(seireki.date(LocalDate.of(2026, 11, 26))).isEqualTo("2026/11/26");
    }

    @Test
    void warekiWritesTheEraAndItsYear() {
        assertThat(wareki.date(LocalDate.of(2026, 11, 26))).isEqualTo("令和8年11月26日");
    }

    @Test
    void theLastDayOfHeiseiAndTheFirstDayOfReiwaWhichIsGannen() {
        assertThat(wareki.date(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(wareki.date(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(wareki.date(LocalDate.of(2020, 1, 1))).isEqualTo("令和2年1月1日");
    }

    @Test
    void olderEraBoundariesAreRightToo() {
        assertThat(wareki.date(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
        assertThat(wareki.date(LocalDate.of(1989, 1, 8))).isEqualTo("平成元年1月8日");
        assertThat(wareki.date(LocalDate.of(1926, 12, 25))).isEqualTo("昭和元年12月25日");
    }

    @Test
    void daysBeforeTheJapaneseCalendarStartsStayInSeireki() {
        assertThat(wareki.date(LocalDate.of(1872, 12, 31))).isEqualTo("1872/12/31");
    }

    @Test
    void anInstantIsShownAsItsDayInJapanWhichStartsAt15UtcTheDayBefore() {
        Instant lastSecondOf25th = Instant.parse("2026-11-25T14:59:59Z");
        Instant midnightJst = Instant.parse("2026-11-25T15:00:00Z");

        assertThat(seireki.date(lastSecondOf25th)).isEqualTo("2026/11/25");
        assertThat(seireki.date(midnightJst)).isEqualTo("2026/11/26");
        assertThat(wareki.dateTime(midnightJst)).isEqualTo("令和8年11月26日 00:00");
        assertThat(wareki.date(Instant.parse("2019-04-30T15:00:00Z"))).isEqualTo("令和元年5月1日");
    }

    @Test
    void nullIsShownAsNothing() {
        assertThat(wareki.date((LocalDate) null)).isEmpty();
        assertThat(wareki.dateTime(null)).isEmpty();
    }

    @Test
    void aDisplayFollowingTheSettingsChangesWithThem() {
        Settings settings = new Settings();
        DateDisplay dates = settings.dates();
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(dates.date(day)).isEqualTo("2026/11/26");

        settings.dateStyleProperty().set(DateStyle.WAREKI);

        assertThat(dates.date(day)).isEqualTo("令和8年11月26日");
    }

    @Test
    void inTheEnglishWindowWarekiWritesTheEraInRomaji() {
        DateDisplay english = DateDisplay.of(DateStyle.WAREKI, Language.EN);

        assertThat(english.date(LocalDate.of(2026, 11, 26))).isEqualTo("Reiwa 8/11/26");
        assertThat(english.date(LocalDate.of(2019, 4, 30))).isEqualTo("Heisei 31/4/30");
        assertThat(english.date(LocalDate.of(2019, 5, 1))).isEqualTo("Reiwa 1/5/1");
        assertThat(english.date(LocalDate.of(1926, 12, 25))).isEqualTo("Showa 1/12/25");
        assertThat(english.dateTime(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo("Reiwa 8/11/26 00:00");
        assertThat(DateDisplay.of(DateStyle.SEIREKI, Language.EN).date(LocalDate.of(2026, 11, 26)))
                .isEqualTo("2026/11/26");
    }

    @Test
    void whatTheEnglishWindowWritesReadsBackAsTheSameDay() {
        DateDisplay english = DateDisplay.of(DateStyle.WAREKI, Language.EN);
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 11, 26), LocalDate.of(2019, 5, 1),
                LocalDate.of(1989, 1, 7)}) {
            assertThat(english.converter().fromString(english.date(day))).isEqualTo(day);
        }
        assertThat(DateDisplay.parse("reiwa 8/11/26")).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThatThrownBy(() -> DateDisplay.parse("Heisei 32/1/1")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DateDisplay.parse("Kyoto 8/11/26")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void typedDaysAreReadInEitherStyle() {
        assertThat(DateDisplay.parse("2026/11/26")).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(DateDisplay.parse("2026-11-26")).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(DateDisplay.parse("令和8年11月26日")).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(DateDisplay.parse("令和元年5月1日")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(DateDisplay.parse("平成31年4月30日")).isEqualTo(LocalDate.of(2019, 4, 30));
    }

    @Test
    void aWarekiDayOutsideItsEraOrNoDayAtAllIsRefused() {
        assertThatThrownBy(() -> DateDisplay.parse("平成31年5月1日")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DateDisplay.parse("2026/02/30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DateDisplay.parse("あした")).isInstanceOf(DateTimeParseException.class);
    }
}
