package jp.sitesign.server.health;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.server.audit.AuditLog;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's clock compared with the TSA's: every timestamp the server obtains, and a daily check,
 * say how far this machine's clock is from the TSA's time. A skew above {@code clock.max-skew-seconds} is
 * logged each time it is seen, audited when it starts and shown on {@code /health/ready}.
 *
 * <p>The comparison is with the system clock, not the server's {@link Clock}: skew is a property of the
 * machine (fixed by chrony/NTP), and tests move the server's clock on purpose.
 */
public final class ClockWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final Clock machine;
    private final Duration maxSkew;
    private final AuditLog audit;
    private final AtomicReference<Reading> last = new AtomicReference<>();

    public ClockWatch(Clock machine, Duration maxSkew, AuditLog audit) {
        this.machine = machine;
        this.maxSkew = maxSkew;
        this.audit = audit;
    }

    /** One comparison: how far the machine's clock was off, when, and against which TSA. */
    public record Reading(Duration skew, Instant at, String source) {
        public boolean within(Duration max) {
            return skew.abs().compareTo(max) <= 0;
        }
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    /** The newest comparison, if a timestamp was obtained since the start. */
    public Optional<Reading> last() {
        return Optional.ofNullable(last.get());
    }

    /** {@code source} with every token it returns compared with the machine's clock. */
    public TimestampSource watching(TimestampSource source) {
        if (source == null) {
            return null;
        }
        return new TimestampSource() {
            @Override
            public String name() {
                return source.name();
            }

            @Override
            public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) throws SigningException {
                Instant sent = machine.instant();
                TimeStampToken token = source.timestamp(algorithm, digest);
                observe(sent, machine.instant(), token.getTimeStampInfo().getGenTime().toInstant(), source.name());
                return token;
            }
        };
    }

    /** The daily check: a timestamp over random bytes, compared like any other. */
    public Reading check(TimestampSource source) throws SigningException {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        Instant sent = machine.instant();
        TimeStampToken token = source.timestamp(DigestAlgorithm.SHA256, digest);
        return observe(sent, machine.instant(), token.getTimeStampInfo().getGenTime().toInstant(), source.name());
    }

    /**
     * The TSA's time lies somewhere while the request was under way; the skew is how far it lies outside
     * that window (positive: this machine is behind the TSA), so a slow answer is not taken for skew.
     */
    Reading observe(Instant sent, Instant received, Instant tsaTime, String source) {
        Duration skew;
        if (tsaTime.isBefore(sent)) {
            skew = Duration.between(sent, tsaTime);
        } else if (tsaTime.isAfter(received)) {
            skew = Duration.between(received, tsaTime);
        } else {
            skew = Duration.ZERO;
        }
        Reading reading = new Reading(skew, received, source);
        Reading before = last.getAndSet(reading);
        if (!reading.within(maxSkew)) {
            LOG.warn("this machine's clock is {} ms {} the time of TSA {} (clock.max-skew-seconds is {}): check chrony/NTP",
                    skew.abs().toMillis(), skew.isNegative() ? "ahead of" : "behind", source, maxSkew.toSeconds());
            if (before == null || before.within(maxSkew)) {
                audited(reading);
            }
        }
        return reading;
    }

    private void audited(Reading reading) {
        try {
            audit.append(new AuditLog.Entry("system", null, AuditAction.CLOCK_SKEW, null, AuditOutcome.FAILURE, null,
                    "skewMillis=" + reading.skew().toMillis() + " tsa=" + reading.source() + " maxSeconds="
                            + maxSkew.toSeconds()));
        } catch (RuntimeException e) {
            LOG.error("the clock skew could not be recorded in the audit log", e);
        }
    }
}
