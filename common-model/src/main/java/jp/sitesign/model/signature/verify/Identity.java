package jp.sitesign.model.signature.verify;

import java.time.Instant;
import java.util.List;

/**
 * Who signed (or, for a timestamp, which TSA) and whether that certificate is trusted.
 *
 * @param status    the trust verdict
 * @param subject   the signer certificate's subject (RFC 2253), or {@code null} if the CMS carries none
 * @param issuer    its issuer
 * @param serialNumber its serial number in hex
 * @param chain     subjects from the signer up to the trust anchor (included when reached)
 * @param checkedAt the time the chain was validated at: the best-known signing time
 * @param detail    why it is not trusted, in English for logs; {@code null} when trusted
 */
public record Identity(TrustStatus status, String subject, String issuer, String serialNumber, List<String> chain,
                       Instant checkedAt, String detail) {

    public Identity {
        chain = List.copyOf(chain);
    }

    public boolean trusted() {
        return status == TrustStatus.TRUSTED;
    }
}
