package jp.sitesign.server.http;

import java.time.Duration;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/** A refusal that passes with time (a full queue, a paused address): the answer says when to try again. */
public final class RetryLater extends SiteSignException {
    private static final long serialVersionUID = 1L;

    private final long seconds;

    public RetryLater(ErrorCode code, Duration after) {
        super(code);
        // Retry-After counts whole seconds; rounding down would invite a retry that is refused again.
        this.seconds = Math.max(1, after.plusNanos(999_999_999).toSeconds());
    }

    /** The value of the Retry-After header: whole seconds, at least one. */
    public long retryAfterSeconds() {
        return seconds;
    }
}
