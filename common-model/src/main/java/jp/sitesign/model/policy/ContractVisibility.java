package jp.sitesign.model.policy;

import java.util.Objects;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;

/**
 * Which contracts an actor may see, stated once so that a store can narrow a search to them with its own
 * columns (the server in SQL, ADR 46) and the access policy decides each contract with the same words
 * ({@link CrossCuttingRules}): the contract has reached the actor's company as a party, and either the actor
 * sees the whole company's contracts (owners, admins, an integration application acting company-wide) or
 * takes part in it (creator, receiving user, approver or signer on any party).
 *
 * @param company      the company a contract must have reached
 * @param wholeCompany whether every contract that reached {@code company} is visible
 * @param user         the user who must take part in a contract when not {@code wholeCompany}
 */
public record ContractVisibility(CompanyId company, boolean wholeCompany, UserId user) {

    public ContractVisibility {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(user, "user");
    }

    /** What {@code actor} may see of contracts, before the account checks every decision also makes. */
    public static ContractVisibility of(Actor actor) {
        return new ContractVisibility(actor.companyId(), actor.role().isAdministrative(), actor.userId());
    }

    /** Whether a contract with these facts is visible: what {@link AccessPolicy} judges for viewing it. */
    public boolean sees(ContractResource contract) {
        // Reached parties are always parties (ContractResource guarantees it), so this also rules out non-parties.
        return contract.reachedPartyIds().contains(company) && (wholeCompany || takesPart(contract));
    }

    /** Whether the contract reached the company at all (the first half of {@link #sees}). */
    public boolean reaches(ContractResource contract) {
        return contract.reachedPartyIds().contains(company);
    }

    private boolean takesPart(ContractResource contract) {
        return user.equals(contract.creatorId())
                || contract.receiverIds().contains(user)
                || contract.approverIds().contains(user)
                || contract.signerIds().contains(user);
    }
}
