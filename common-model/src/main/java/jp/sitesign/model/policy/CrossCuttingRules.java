package jp.sitesign.model.policy;

import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.UserStatus;

/**
 * The "always" rules of DESIGN §3, checked before any row of the table and kept in one place so
 * that no row can forget them: an unusable account may do nothing, and nobody reaches another
 * company's data except a contract that has been sent to them as a party; an integration application does
 * only what its approved scopes cover.
 */
final class CrossCuttingRules {

    private CrossCuttingRules() {
    }

    static Decision check(Actor actor, Action action, Resource resource) {
        Decision account = accountState(actor, action);
        if (account.denied()) {
            return account;
        }
        if (actor.isApplication()) {
            Decision granted = ApplicationRules.check(actor.application(), action);
            if (granted.denied()) {
                return granted;
            }
        }
        return scope(actor, resource);
    }

    /**
     * Denies everything, logging in included, to an account that cannot be used. The company comes
     * first because suspending or resuming the user would not help. A terminated company's owner and
     * admins may still read, in its grace period before the purge, to take their data away (ADR 13).
     */
    private static Decision accountState(Actor actor, Action action) {
        if (actor.companyStatus() == CompanyStatus.PURGED) {
            return Decision.deny(Denial.COMPANY_TERMINATED);
        }
        if (actor.companyStatus() == CompanyStatus.TERMINATED) {
            if (!actor.role().isAdministrative()) {
                return Decision.deny(Denial.COMPANY_TERMINATED);
            }
            if (!action.readsOnly()) {
                return Decision.deny(Denial.COMPANY_READ_ONLY);
            }
        }
        if (actor.status() == UserStatus.DELETED) {
            return Decision.deny(Denial.ACCOUNT_DELETED);
        }
        if (actor.status() == UserStatus.SUSPENDED) {
            return Decision.deny(Denial.ACCOUNT_SUSPENDED);
        }
        if (actor.locked()) {
            return Decision.deny(Denial.ACCOUNT_LOCKED);
        }
        return Decision.allow();
    }

    private static Decision scope(Actor actor, Resource resource) {
        if (resource instanceof ContractResource contract) {
            return contractScope(actor, contract);
        }
        if (resource instanceof CompanyResource company) {
            return sameCompany(actor, company.companyId());
        }
        if (resource instanceof UserResource user) {
            return sameCompany(actor, user.companyId());
        }
        if (resource instanceof NewUserResource newUser) {
            return sameCompany(actor, newUser.companyId());
        }
        return Decision.allow();
    }

    private static Decision sameCompany(Actor actor, CompanyId target) {
        return actor.companyId().equals(target) ? Decision.allow() : Decision.deny(Denial.OTHER_COMPANY);
    }

    /**
     * A contract is the actor's company's business once the company is a party the contract has
     * reached; within the company, owners and admins see all of them and members only those they
     * take part in.
     */
    private static Decision contractScope(Actor actor, ContractResource contract) {
        ContractVisibility visibility = ContractVisibility.of(actor);
        if (!visibility.reaches(contract)) {
            return Decision.deny(Denial.OTHER_COMPANY);
        }
        return visibility.sees(contract) ? Decision.allow() : Decision.deny(Denial.NOT_INVOLVED);
    }
}
