package jp.sitesign.server.integration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.server.http.RetryLater;

/**
 * A token bucket per integration application (Bucket4j): {@code api.rate-per-minute} calls a minute, refilled
 * evenly, with a full minute's worth as the burst. Like the login throttle the buckets live in this process:
 * behind a load balancer each server allows the rate, which still bounds it (ADR 17).
 */
public final class RateLimits {
    public static final String RATE_PER_MINUTE = "api.rate-per-minute";

    private final int perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.time = new ClockMeter(clock);
    }

    /** Takes one call from the application's bucket, or throws 429 with the seconds until one is back. */
    public void take(String applicationId) {
        Bucket bucket = buckets.computeIfAbsent(applicationId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RetryLater(ErrorCode.API_RATE_LIMITED, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** The server's clock, so that tests that move it move the refill too. */
    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
