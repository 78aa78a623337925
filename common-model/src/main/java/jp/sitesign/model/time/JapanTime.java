package jp.sitesign.model.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants are stored in UTC and shown in Japan Standard Time with the offset written out
 * (DESIGN §7), so an exported log or a printed contract is never ambiguous.
 */
public final class JapanTime {
    /** Japan has no daylight saving time; the zone is still named so the tz database stays the source. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxxx");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private JapanTime() {
    }

    /** {@code 2026-11-25 21:05:09+09:00}: what people read in the app and in CSV exports. */
    public static String display(Instant instant) {
        return DISPLAY.format(instant.atZone(ZONE));
    }

    /** ISO-8601 with the JST offset, e.g. {@code 2026-11-25T21:05:09.123+09:00}. */
    public static String iso(Instant instant) {
        return ISO.format(instant.atZone(ZONE).toOffsetDateTime());
    }

    /** ISO-8601 in UTC, the storage and wire form. */
    public static String utc(Instant instant) {
        return ISO.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The first instant of a JST calendar day, for "from date" filters. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after a JST calendar day, for inclusive "to date" filters. */
    public static Instant endOfDayExclusive(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
