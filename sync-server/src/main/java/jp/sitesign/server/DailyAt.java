package jp.sitesign.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import jp.sitesign.model.time.JapanTime;

/** When a daily job next runs: a time of day in JST (the service's clock for people, DESIGN §7). */
final class DailyAt {
    private DailyAt() {
    }

    /** Milliseconds from now until the next {@code HH:mm} in JST. */
    static long delayUntil(String hhmm, Clock clock) {
        LocalTime at;
        try {
            at = LocalTime.parse(hhmm.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a daily time must be HH:mm (JST), not '" + hhmm + "'");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(JapanTime.ZONE));
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next).toMillis();
    }
}
