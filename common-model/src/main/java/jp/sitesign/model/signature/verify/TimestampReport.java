package jp.sitesign.model.signature.verify;

import java.time.Instant;

/**
 * An RFC 3161 timestamp: a signature's signature-time-stamp, or a document timestamp itself.
 *
 * @param status        the token's own verdict
 * @param time          the time the token states (genTime), or {@code null} if unreadable
 * @param tsa           the TSA certificate's identity and trust, or {@code null} if unreadable
 * @param detail        what failed, in English for logs; {@code null} when valid
 * @param tsaRevocation whether the TSA's chain was revoked, by the embedded data, judged at the time its
 *                      chain is validated at
 */
public record TimestampReport(TimestampStatus status, Instant time, Identity tsa, String detail,
                              RevocationReport tsaRevocation) {

    /** A report whose TSA chain's revocation is not (yet) known. */
    public TimestampReport(TimestampStatus status, Instant time, Identity tsa, String detail) {
        this(status, time, tsa, detail, RevocationReport.none());
    }

    TimestampReport withTsaRevocation(RevocationReport revocation) {
        return new TimestampReport(status, time, tsa, detail, revocation);
    }

    /** The token is sound, its TSA trusted and not known to be revoked: its time is proof. */
    public boolean provesTime() {
        return status == TimestampStatus.VALID && tsa != null && tsa.trusted() && !tsaRevocation.anyRevoked();
    }
}
