package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.time.JapanTime;

import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A revocation server's statement that a certificate was revoked: when, and why.
 *
 * @param reason {@code UNSPECIFIED} when the server gave none
 */
record Revocation(Instant when, CRLReason reason) {

    static Revocation of(java.util.Date when, CRLReason reason) {
        return new Revocation(when.toInstant(), reason == null ? CRLReason.UNSPECIFIED : reason);
    }

    /** The reason for an RFC 5280 CRLReason code. */
    static CRLReason reason(int code) {
        CRLReason[] reasons = CRLReason.values();
        return code >= 0 && code < reasons.length ? reasons[code] : CRLReason.UNSPECIFIED;
    }

    /** Whether the certificate was still good at {@code time}. */
    boolean after(Instant time) {
        return when.isAfter(time);
    }

    SigningException error(X509Certificate certificate) {
        return new SigningException(SigningError.CERTIFICATE_REVOKED, certificate.getSubjectX500Principal().getName(),
                JapanTime.display(when), reason.name());
    }
}
