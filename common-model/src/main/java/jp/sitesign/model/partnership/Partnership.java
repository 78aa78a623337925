package jp.sitesign.model.partnership;

import java.time.Instant;
import jp.sitesign.model.company.CompanyId;

/**
 * A partnership as one of its two companies sees it.
 *
 * @param methodDescription the description of the electronic-contracting method shown to the parties
 * @param ourConsent        this company's 承諾, or null
 * @param theirConsent      the counterparty's 承諾, or null
 */
public record Partnership(long id, CompanyId counterpartyId, String counterpartyName, CompanyId proposedBy,
        String proposedByUser, Instant proposedAt, String methodDescription, String methodSha256, Consent ourConsent,
        Consent theirConsent) {

    /** One company's 承諾: who gave it, when, over which method text; withdrawn when those are set. */
    public record Consent(String consentedBy, Instant consentedAt, String methodSha256, String withdrawnBy,
            Instant withdrawnAt) {
        public boolean inForce() {
            return withdrawnAt == null;
        }
    }
}
