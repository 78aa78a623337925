package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.DocumentStep;
import jp.sitesign.model.signature.pdf.IncrementalSignature;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * B-LT → B-LTA: adds a document timestamp by incremental update — a {@code /DocTimeStamp} whose
 * {@code /Contents} is the TSA's RFC 3161 token over the new revision's byte range. Applied again
 * later it renews the archive timestamp. If the token does not fit the reservation, the TSA is asked
 * again with room for the size it actually returned.
 */
public final class DocumentTimestampStep implements DocumentStep {
    /** Room for a token with a TSA chain of two or three certificates. */
    public static final int DEFAULT_RESERVE = 8192;
    private static final int MAX_ATTEMPTS = 3;
    private static final int ROUNDING = 1024;

    private final TimestampSource tsa;
    private final Clock clock;
    private final DigestAlgorithm digest;
    private final int reserve;

    public DocumentTimestampStep(TimestampSource tsa, Clock clock) {
        this(tsa, clock, DigestAlgorithm.SHA256, DEFAULT_RESERVE);
    }

    public DocumentTimestampStep(TimestampSource tsa, Clock clock, DigestAlgorithm digest, int reserve) {
        this.tsa = tsa;
        this.clock = clock;
        this.digest = digest;
        this.reserve = reserve;
    }

    /** @throws SigningException TIMESTAMP_FAILED naming the TSA, DOCUMENT_UNREADABLE, DOCUMENT_ENCRYPTED */
    @Override
    public byte[] apply(byte[] pdf) throws SigningException {
        int reserved = reserve;
        for (int attempt = 1; ; attempt++) {
            try (IncrementalSignature pending = IncrementalSignature.prepareDocumentTimestamp(pdf, clock.instant(), reserved)) {
                TimeStampToken token = tsa.timestamp(digest, digest.digest(pending.signedContent()));
                byte[] encoded = encoded(token);
                if (pending.fits(encoded.length) || attempt == MAX_ATTEMPTS) {
                    return pending.complete(encoded);
                }
                reserved = (encoded.length + 2 * ROUNDING - 1) / ROUNDING * ROUNDING;
            }
        }
    }

    private static byte[] encoded(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a token Bouncy Castle just parsed", e);
        }
    }
}
