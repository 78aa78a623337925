package jp.sitesign.model.signature.verify;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Verifies a stand-alone RFC 3161 token (one kept outside any PDF, such as an audit-log anchor) over the data
 * it must have been made for, with the very checks a signature's timestamp gets ({@link TimestampCheck}): the
 * message imprint, the token's signature, the critical timeStamping usage, and the TSA's chain to the trust
 * anchors. Offline: only what the token carries is used.
 *
 * <p>The TSA chain is judged at the time the token states, as for a timestamp no later one covers: a token
 * made while its TSA certificate was valid stays verifiable after that certificate has expired.
 */
public final class TimestampTokenVerifier {
    private final IdentityCheck identities;

    /** @param trustAnchors the certificates a TSA must chain to for its tokens to prove their time */
    public TimestampTokenVerifier(Collection<X509Certificate> trustAnchors) {
        this.identities = new IdentityCheck(trustAnchors);
    }

    /**
     * @param token   the DER time-stamp token (a CMS SignedData)
     * @param stamped the data the token's message imprint must be the digest of
     * @return the report; {@link TimestampReport#provesTime()} says whether the token proves its time
     */
    public TimestampReport verify(byte[] token, byte[] stamped) {
        CMSSignedData cms;
        Instant stated;
        try {
            cms = new CMSSignedData(token);
            stated = new TimeStampToken(cms).getTimeStampInfo().getGenTime().toInstant();
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            return new TimestampReport(TimestampStatus.UNREADABLE, null, null, String.valueOf(e.getMessage()));
        }
        return new TimestampCheck(identities, new EmbeddedRevocation()).check(cms, stamped, List.of(), stated)
                .report();
    }
}
