package jp.sitesign.model.contract;

import java.util.List;
import java.util.Objects;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;

/**
 * One party's part in a contract: who receives it for the party (担当者; null for the sender), the
 * party's approval route in order (possibly empty), its signer (null until the party has set it up),
 * and whether it has signed.
 */
public record PartyStep(CompanyId company, UserId receiver, List<UserId> route, UserId signer, boolean signed) {

    public PartyStep {
        Objects.requireNonNull(company, "company");
        route = List.copyOf(route);
        if (route.stream().distinct().count() != route.size()) {
            throw new IllegalArgumentException("an approver appears twice on the route of " + company);
        }
    }

    /** The sender's step, set up in the draft. */
    public static PartyStep sender(CompanyId company, List<UserId> route, UserId signer) {
        return new PartyStep(company, null, route, signer, false);
    }

    /** A counterparty's step as the sender names it: only the receiving user; it sets the rest itself. */
    public static PartyStep counterparty(CompanyId company, UserId receiver) {
        return new PartyStep(company, Objects.requireNonNull(receiver, "receiver"), List.of(), null, false);
    }

    public boolean isSetUp() {
        return signer != null;
    }

    PartyStep withRoute(List<UserId> newRoute, UserId newSigner) {
        return new PartyStep(company, receiver, newRoute, newSigner, signed);
    }

    PartyStep withSigned(boolean value) {
        return new PartyStep(company, receiver, route, signer, value);
    }
}
