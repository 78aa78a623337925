package jp.sitesign.server.certificates;

import java.time.Instant;

/** Whether a certificate can give signing authority at a given moment, and why not. */
public enum CertificateState {
    VALID("有効", "Valid"),
    NOT_YET_VALID("有効期間開始前", "Not yet valid"),
    EXPIRED("有効期限切れ", "Expired"),
    REVOKED("失効", "Revoked");

    private final String labelJa;
    private final String labelEn;

    CertificateState(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** Valid from notBefore (inclusive) to notAfter (exclusive), unless revoked. */
    public static CertificateState at(Instant now, Instant notBefore, Instant notAfter, Instant revokedAt) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        return now.isBefore(notAfter) ? VALID : EXPIRED;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
