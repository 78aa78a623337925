package jp.sitesign.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.server.http.RetryLater;

/**
 * Failed logins counted per client address, in fixed windows. The account lockout stops guessing one
 * user's password; this stops one address trying many user ids (which locks no account). An address over
 * the limit is refused with 429 before any password work until its window ends. The counts live in this
 * process only: behind a load balancer each server counts what it sees, which still bounds the rate.
 */
public final class LoginThrottle {
    /** Beyond this many addresses, windows that have ended are dropped when a failure is recorded. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Throws 429 with Retry-After when the address has used up its failures in the current window. */
    public void check(String address) {
        Instant now = clock.instant();
        Window w = windows.get(key(address));
        if (w != null && w.failures() >= maxFailures && !w.endedAt(now, window)) {
            throw new RetryLater(ErrorCode.LOGIN_THROTTLED, Duration.between(now, w.start().plus(window)));
        }
    }

    public void recordFailure(String address) {
        Instant now = clock.instant();
        windows.compute(key(address), (k, w) -> w == null || w.endedAt(now, window) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> w.endedAt(now, window));
        }
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }

    private record Window(Instant start, int failures) {
        boolean endedAt(Instant now, Duration length) {
            return !now.isBefore(start.plus(length));
        }
    }
}
