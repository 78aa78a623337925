package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningException;
import org.bouncycastle.tsp.TimeStampToken;

/** Something that stamps a digest with a trusted time: in practice a TSA over HTTP. */
public interface TimestampSource {

    /** Where the timestamps come from, for messages (the TSA URL). */
    String name();

    /**
     * @param algorithm the algorithm {@code digest} was computed with
     * @return a token whose message imprint is {@code digest}, already checked against the request
     * @throws SigningException TIMESTAMP_FAILED naming this source
     */
    TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) throws SigningException;
}
