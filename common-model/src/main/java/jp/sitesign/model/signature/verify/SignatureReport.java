package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The verdicts for one signature or document timestamp, each kept separate: a signature can be
 * intact yet untrusted, or intact and trusted yet followed by a modification it does not cover.
 *
 * @param number      1-based, in the order the signatures were added
 * @param fieldName   the signature field's fully qualified name
 * @param kind        a signature or a document timestamp
 * @param integrity   whether the signed bytes are untouched
 * @param coverage    what came after it and whether that is allowed
 * @param identity    the signer (for a document timestamp: the TSA) and its trust
 * @param revocation  whether that chain was revoked, by the embedded revocation data, at the signing time
 * @param timestamp   the signature timestamp (B-T) or, for a document timestamp, the token itself;
 *                    {@code null} for a signature without a timestamp
 * @param signingTime the claimed {@code /M} and the best-known signing time
 */
public record SignatureReport(int number, String fieldName, SignatureKind kind, Integrity integrity, Coverage coverage,
                              Identity identity, RevocationReport revocation, TimestampReport timestamp,
                              SigningTime signingTime) {

    /**
     * This signature's part of {@link VerificationReport#allValid()}: intact, trusted, nothing but
     * allowed additions after it, no certificate of its chain revoked at or before its best-known
     * signing time, and any timestamp it carries proves its time (sound, TSA trusted and not revoked).
     */
    @JsonProperty("valid")
    public boolean valid() {
        return integrity.intact()
                && identity.trusted()
                && (coverage.status() == CoverageStatus.WHOLE_DOCUMENT
                    || coverage.status() == CoverageStatus.ALLOWED_ADDITIONS_ONLY)
                && !revocation.anyRevoked()
                && (timestamp == null || timestamp.provesTime());
    }
}
