package jp.sitesign.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JapanTimeTest {
    private TimeZone saved;

    /** A machine elsewhere must still show JST: run every test with a default zone far from Tokyo. */
    @BeforeEach
    void runFarFromTokyo() {
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(saved);
    }

    @Test
    void displayIsJstWithTheOffsetWrittenOut() {
        assertThat(JapanTime.display(Instant.parse("2026-11-25T12:05:09.987Z"))).isEqualTo("2026-11-25 21:05:09+09:00");
    }

    @Test
    void isoIsJstWithTheOffsetAndKeepsFractions() {
        assertThat(JapanTime.iso(Instant.parse("2026-11-25T12:05:09.123Z"))).isEqualTo("2026-11-25T21:05:09.123+09:00");
        assertThat(JapanTime.iso(Instant.parse("2026-11-25T12:05:09Z"))).isEqualTo("2026-11-25T21:05:09+09:00");
    }

    @Test
    void utcIsTheStorageForm() {
        assertThat(JapanTime.utc(Instant.parse("2026-11-25T12:05:09.123Z"))).isEqualTo("2026-11-25T12:05:09.123Z");
    }

    @Test
    void aUtcInstantLateInTheDayIsTheNextDayInJapan() {
        Instant lateUtc = Instant.parse("2026-03-31T15:30:00Z");
        assertThat(JapanTime.display(lateUtc)).isEqualTo("2026-04-01 00:30:00+09:00");
        assertThat(JapanTime.iso(lateUtc)).startsWith("2026-04-01T00:30:00").endsWith("+09:00");
        assertThat(JapanTime.display(Instant.parse("2026-12-31T14:59:59Z"))).isEqualTo("2026-12-31 23:59:59+09:00");
        assertThat(JapanTime.display(Instant.parse("2026-12-31T15:00:00Z"))).isEqualTo("2027-01-01 00:00:00+09:00");
    }

    @Test
    void theOffsetIsAlwaysNineHoursSummerAndWinter() {
        // Japan has no daylight saving time, unlike the default zone these tests run in
        assertThat(JapanTime.display(Instant.parse("2026-07-15T00:00:00Z"))).isEqualTo("2026-07-15 09:00:00+09:00");
        assertThat(JapanTime.display(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo("2026-01-15 09:00:00+09:00");
    }

    @Test
    void aJstDayStartsAt1500UtcTheDayBefore() {
        LocalDate date = LocalDate.of(2026, 4, 1);
        assertThat(JapanTime.startOfDay(date)).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
        assertThat(JapanTime.endOfDayExclusive(date)).isEqualTo(Instant.parse("2026-04-01T15:00:00Z"));
        assertThat(Duration.between(JapanTime.startOfDay(date), JapanTime.endOfDayExclusive(date))).hasHours(24);
    }

    @Test
    void endOfDayExclusiveIsTheStartOfTheNextDay() {
        LocalDate date = LocalDate.of(2026, 12, 31);
        assertThat(JapanTime.endOfDayExclusive(date)).isEqualTo(JapanTime.startOfDay(date.plusDays(1)));
        Instant lastMoment = JapanTime.endOfDayExclusive(date).minusNanos(1);
        assertThat(JapanTime.display(lastMoment)).startsWith("2026-12-31 23:59:59");
        assertThat(JapanTime.display(JapanTime.endOfDayExclusive(date))).startsWith("2027-01-01 00:00:00");
    }

    @Test
    void theZoneIsTokyo() {
        assertThat(JapanTime.ZONE.getId()).isEqualTo("Asia/Tokyo");
    }
}
