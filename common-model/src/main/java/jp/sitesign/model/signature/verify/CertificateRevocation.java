package jp.sitesign.model.signature.verify;

import java.util.List;

/**
 * The revocation data embedded for one certificate of a chain.
 *
 * @param subject the certificate's subject
 * @param data    whether any is embedded
 * @param sources where it was found, e.g. "DSS OCSP", "DSS CRL", "CMS revocation-info"
 * @param status  what it says (not evaluated yet: {@link RevocationStatus#NOT_CHECKED})
 */
public record CertificateRevocation(String subject, RevocationData data, List<String> sources, RevocationStatus status) {

    public CertificateRevocation {
        sources = List.copyOf(sources);
    }
}
