package jp.sitesign.model.signature.verify;

import java.time.Instant;

/**
 * The signing time claimed and the one that can be relied on.
 *
 * @param claimed the signature dictionary's {@code /M}, or {@code null}
 * @param best    the best-known signing time: the chain is validated at this instant
 * @param source  what {@code best} rests on
 */
public record SigningTime(Instant claimed, Instant best, TimeSource source) {
}
