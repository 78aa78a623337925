package jp.sitesign.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward, to reach session expiry and lock ends without waiting. It stands still
 * between moves, unless made {@link #running()}.
 */
public final class MutableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MutableClock(Clock base) {
        this.base = base;
    }

    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    public MutableClock() {
        this(Instant.now());
    }

    /** A clock that runs with the system's, for code that waits for time to pass; it can still be moved. */
    public static MutableClock running() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
