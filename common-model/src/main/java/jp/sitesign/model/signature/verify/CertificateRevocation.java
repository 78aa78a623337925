package jp.sitesign.model.signature.verify;

import java.time.Instant;
import java.util.List;

/**
 * Whether one certificate of a chain was revoked, by the revocation data embedded in the document.
 *
 * @param subject  the certificate's subject
 * @param serialNumber its serial number in hex
 * @param data     whether trustworthy data about it is embedded
 * @param sources  where trustworthy data was found, e.g. "DSS OCSP", "DSS CRL", "CMS revocation-info"
 * @param status   what that data says, judged at {@code judgedAt}
 * @param judgedAt the time the status is judged at: the signature's best-known signing time, or for a
 *                 TSA the time its timestamp is proven at (as its chain is)
 * @param evidence the OCSP response or CRL the status rests on; {@code null} with {@link RevocationStatus#NOT_CHECKED}
 * @param ignored  data about it that was not trusted (e.g. a response signed by an unrelated key)
 */
public record CertificateRevocation(String subject, String serialNumber, RevocationData data, List<String> sources,
                                    RevocationStatus status, Instant judgedAt, RevocationEvidence evidence,
                                    List<IgnoredRevocation> ignored) {

    public CertificateRevocation {
        sources = List.copyOf(sources);
        ignored = List.copyOf(ignored);
    }
}
