package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.SigningError;
import jp.sitesign.model.signature.SigningException;
import jp.sitesign.model.time.JapanTime;

import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.util.Date;

/** The error for a certificate a revocation server reports as revoked. */
final class Revoked {
    private Revoked() {
    }

    static SigningException of(X509Certificate certificate, Date when, CRLReason reason) {
        return new SigningException(SigningError.CERTIFICATE_REVOKED,
                certificate.getSubjectX500Principal().getName(), JapanTime.display(when.toInstant()),
                reason == null ? "UNSPECIFIED" : reason.name());
    }

    static CRLReason reason(int code) {
        CRLReason[] reasons = CRLReason.values();
        return code >= 0 && code < reasons.length ? reasons[code] : CRLReason.UNSPECIFIED;
    }
}
