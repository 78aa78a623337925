package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.ltv.ValidationDataStep;
import jp.sitesign.model.signature.timestamp.DocumentTimestampStep;
import jp.sitesign.model.signature.timestamp.TimestampSource;

import java.time.Clock;

/**
 * Raises the level of the signatures already in a PDF, without any signing key: the server calls
 * {@link #addArchiveTimestamp} when the last party has signed, and again to renew the archive
 * timestamp before the TSA certificate expires. Each call appends incremental updates only, so every
 * earlier signature and timestamp stays valid.
 */
public final class PadesExtender {
    private final ValidationDataStep validationData;
    private final DocumentTimestampStep documentTimestamp;

    public PadesExtender(RevocationFetcher revocation, TimestampSource tsa, Clock clock) {
        this.validationData = new ValidationDataStep(revocation, clock);
        this.documentTimestamp = new DocumentTimestampStep(tsa, clock);
    }

    /**
     * B-LT: adds certificates and revocation data for every signature and timestamp not yet covered.
     *
     * @throws SigningException NOT_SIGNED, REVOCATION_UNAVAILABLE, CERTIFICATE_REVOKED; nothing is returned then
     */
    public byte[] addValidationData(byte[] pdf) throws SigningException {
        return validationData.apply(pdf);
    }

    /**
     * B-LTA (or its renewal): the validation data as in {@link #addValidationData}, then a new
     * document timestamp over everything.
     *
     * @throws SigningException as {@link #addValidationData}, and TIMESTAMP_FAILED naming the TSA
     */
    public byte[] addArchiveTimestamp(byte[] pdf) throws SigningException {
        return documentTimestamp.apply(validationData.apply(pdf));
    }
}
