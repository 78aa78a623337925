package jp.sitesign.server.contracts;

import java.time.Instant;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * A contract as stored: who sent it, where it stands, what it says, and its current main PDF.
 *
 * @param keyCompany the company whose data key seals the content and PDFs: the sender, or the counterparty
 *                   that took custody when the sender's data was purged (ADR 13)
 */
public record StoredContract(String id, CompanyId sender, UserId creator, ContractProgress progress, ContractData data,
        String mainDocument, long revision, Instant createdAt, Instant updatedAt, CompanyId keyCompany) {

    /** A contract sealed under its sender's key, as every new one is. */
    public StoredContract(String id, CompanyId sender, UserId creator, ContractProgress progress, ContractData data,
            String mainDocument, long revision, Instant createdAt, Instant updatedAt) {
        this(id, sender, creator, progress, data, mainDocument, revision, createdAt, updatedAt, sender);
    }

    StoredContract with(ContractProgress newProgress, ContractData newData, String newMain, Instant now) {
        return new StoredContract(id, sender, creator, newProgress, newData, newMain, revision + 1, createdAt, now,
                keyCompany);
    }

    /** What the shared contract search looks at. */
    ContractQuery.Keys keys() {
        java.util.List<PartyStep> parties = progress.parties();
        return new ContractQuery.Keys(id, sender.value(), parties.size() > 1 ? parties.get(1).company().value() : null,
                progress.status(), data.managementNumber(), data.title(), data.transactionDate(), data.amountYen(),
                updatedAt);
    }
}
