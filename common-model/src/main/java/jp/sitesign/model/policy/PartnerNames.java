package jp.sitesign.model.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * Whose names a user may learn of another company (ADR 43): the name and title of each of the other parties'
 * users who is named on a contract the user may see, as {@link ContractProgress#seenBy} shows it to the user's
 * company — the receiving user (担当者) and the signer. Never the other company's approvers (withheld by
 * {@code seenBy}, issue 15), never its directory, e-mail, role or signing authority: what the printed contract
 * and its seals show, nothing more. Whether the user may see the contract at all is {@link Action#VIEW_CONTRACT}'s
 * decision, taken first by the caller; this only narrows what follows from it.
 */
public final class PartnerNames {
    private PartnerNames() {
    }

    /**
     * The other companies' users named on {@code progress} as {@code viewer} sees it, each with the company of the
     * party that names them (the caller gives a name only when the user belongs to that company).
     */
    public static Map<UserId, CompanyId> namedFor(CompanyId viewer, ContractProgress progress) {
        Map<UserId, CompanyId> out = new LinkedHashMap<>();
        for (PartyStep p : progress.seenBy(viewer).parties()) {
            if (p.company().equals(viewer)) {
                continue;
            }
            add(out, p.receiver(), p.company());
            add(out, p.signer(), p.company());
        }
        return out;
    }

    private static void add(Map<UserId, CompanyId> out, UserId user, CompanyId company) {
        if (user != null && !user.isWithheld() && !user.equals(UserId.SERVER_SEAL)) {
            out.putIfAbsent(user, company);
        }
    }
}
