package jp.sitesign.model.signature.verify;

import java.time.Instant;

/**
 * An RFC 3161 timestamp: a signature's signature-time-stamp, or a document timestamp itself.
 *
 * @param status the token's own verdict
 * @param time   the time the token states (genTime), or {@code null} if unreadable
 * @param tsa    the TSA certificate's identity and trust, or {@code null} if unreadable
 * @param detail what failed, in English for logs; {@code null} when valid
 */
public record TimestampReport(TimestampStatus status, Instant time, Identity tsa, String detail) {

    /** The token is sound and its TSA trusted: its time is proof. */
    public boolean provesTime() {
        return status == TimestampStatus.VALID && tsa != null && tsa.trusted();
    }
}
