package jp.sitesign.server.contracts;

import java.time.Instant;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/** A contract as stored: who sent it, where it stands, what it says, and its current main PDF. */
public record StoredContract(String id, CompanyId sender, UserId creator, ContractProgress progress, ContractData data,
        String mainDocument, long revision, Instant createdAt, Instant updatedAt) {

    StoredContract with(ContractProgress newProgress, ContractData newData, String newMain, Instant now) {
        return new StoredContract(id, sender, creator, newProgress, newData, newMain, revision + 1, createdAt, now);
    }

    /** What the shared contract search looks at. */
    ContractQuery.Keys keys() {
        java.util.List<PartyStep> parties = progress.parties();
        return new ContractQuery.Keys(id, sender.value(), parties.size() > 1 ? parties.get(1).company().value() : null,
                progress.status(), data.managementNumber(), data.title(), data.transactionDate(), data.amountYen(),
                updatedAt);
    }
}
