package jp.sitesign.model.signature;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningAlgorithm;

/**
 * How many bytes to reserve in {@code /Contents}: the real certificate chain, the signature value, the
 * signed attributes and CMS structure, and room for a timestamp token when the level needs one.
 * When a CMS turns out larger anyway, {@link #after} gives the size for the retry.
 */
final class ContentsReservation {
    /** SignedData framing, algorithm identifiers and the three signed attributes, generously. */
    private static final int CMS_OVERHEAD = 2048;
    private static final int ROUNDING = 1024;

    private final int timestampBytes;

    /** @param timestampBytes the room kept for a timestamp token with its TSA chain */
    ContentsReservation(int timestampBytes) {
        this.timestampBytes = timestampBytes;
    }

    int initial(List<X509Certificate> chain, SignatureLevel level) throws CertificateEncodingException {
        int size = CMS_OVERHEAD + SigningAlgorithm.maxSignatureBytes(chain.get(0));
        for (X509Certificate certificate : chain) {
            size += certificate.getEncoded().length;
        }
        if (level.needsTimestamp()) {
            size += timestampBytes;
        }
        return roundUp(size);
    }

    /** The size for a retry after a CMS of {@code actualBytes} did not fit. */
    int after(int actualBytes) {
        // A new timestamp can come back a little larger (longer serial, nonce, time precision).
        return roundUp(actualBytes + ROUNDING);
    }

    private static int roundUp(int bytes) {
        return (bytes + ROUNDING - 1) / ROUNDING * ROUNDING;
    }
}
