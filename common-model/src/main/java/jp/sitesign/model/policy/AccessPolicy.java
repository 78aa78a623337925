package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.Rule.ADMINISTRATIVE;
import static jp.sitesign.model.policy.Rule.ANYONE;
import static jp.sitesign.model.policy.Rule.allOf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who may do what (DESIGN §3), as one pure function shared by the sync server, which enforces it on
 * every request, and the desktop app, which uses it to enable controls and explain disabled ones.
 * Keeping a single decision point is what lets client and server never disagree.
 *
 * <p>The function is static on purpose: it has no state and no collaborators, so there is nothing to
 * inject or replace. It reads no clock, storage or network; callers pass every fact in the
 * {@link Actor} and the {@link Resource}. The rule table is built once and never changed, so calls are
 * safe from any thread.
 *
 * <p>Order of judgement: first the cross-cutting rules (account usable; the target is the actor's own
 * company's, or a contract that reached the actor's company as a party; members only see contracts they
 * take part in), then the action's row of the table, whose requirements are checked in order with the
 * first failure as the answer.
 */
public final class AccessPolicy {

    private static final Map<Action, Rule> TABLE = buildTable();

    private AccessPolicy() {
    }

    /**
     * Decides whether {@code actor} may perform {@code action} on {@code resource}.
     *
     * @throws IllegalArgumentException if {@code resource} is not of {@link Action#resourceType()}:
     *                                  that is a bug in the caller, never a reason to allow or deny
     */
    public static Decision decide(Actor actor, Action action, Resource resource) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!action.resourceType().isInstance(resource)) {
            throw new IllegalArgumentException(action + " is decided on a " + action.resourceType().getSimpleName()
                    + ", not a " + resource.getClass().getSimpleName());
        }
        Decision always = CrossCuttingRules.check(actor, action, resource);
        return always.denied() ? always : TABLE.get(action).check(actor, resource);
    }

    private static Map<Action, Rule> buildTable() {
        Map<Action, Rule> table = new EnumMap<>(Action.class);
        table.put(Action.LOGIN, ANYONE);
        table.put(Action.EDIT_OWN_PROFILE, ANYONE);
        table.put(Action.CHANGE_OWN_PASSWORD, ANYONE);
        table.put(Action.READ_NOTICES, ANYONE);

        table.put(Action.VIEW_USERS, ADMINISTRATIVE);
        // Not in DESIGN §3's table; needed by its "sender sets its own route and signer" (ADR 10).
        table.put(Action.VIEW_COMPANY_DIRECTORY, ANYONE);
        table.put(Action.REGISTER_USER, allOf(ADMINISTRATIVE, UserRules.DOES_NOT_REGISTER_OWNER));
        table.put(Action.EDIT_USER, allOf(ADMINISTRATIVE, UserRules.TARGET_IS_NOT_OWNER,
                UserRules.DOES_NOT_GIVE_OWNER_ROLE, UserRules.NO_OWN_ROLE_CHANGE));
        table.put(Action.SUSPEND_USER, allOf(ADMINISTRATIVE, UserRules.TARGET_IS_NOT_OWNER, UserRules.TARGET_IS_NOT_SELF));
        table.put(Action.RESUME_USER, allOf(ADMINISTRATIVE, UserRules.TARGET_IS_NOT_OWNER));
        table.put(Action.DELETE_USER, allOf(ADMINISTRATIVE, UserRules.TARGET_IS_NOT_OWNER, UserRules.TARGET_IS_NOT_SELF));
        table.put(Action.SET_SIGNING_AUTHORITY, ADMINISTRATIVE);
        table.put(Action.MANAGE_CERTIFICATES, ADMINISTRATIVE);
        table.put(Action.APPLY_FOR_CERTIFICATE, ADMINISTRATIVE);
        table.put(Action.APPLY_FOR_API_USE, ADMINISTRATIVE);
        table.put(Action.MANAGE_API_ALLOW_LIST, ADMINISTRATIVE);
        table.put(Action.VIEW_AUDIT_LOG, ADMINISTRATIVE);
        table.put(Action.EXPORT_AUDIT_LOG, ADMINISTRATIVE);
        table.put(Action.VIEW_PARTNERSHIPS, ANYONE);
        table.put(Action.MANAGE_PARTNERSHIPS, ADMINISTRATIVE);

        table.put(Action.VIEW_CONTRACT, ANYONE);
        table.put(Action.READ_DOCUMENT, ANYONE);
        table.put(Action.SEARCH_CONTRACTS, ANYONE);
        table.put(Action.EXPORT_CONTRACTS, ANYONE);
        table.put(Action.EXPORT_CONTRACTS_WITH_DOCUMENTS, ANYONE);
        table.put(Action.CREATE_DRAFT, ANYONE);
        table.put(Action.SEND_UNDER_SEAL, ContractRules.AN_APPLICATION);
        table.put(Action.EDIT_DRAFT, allOf(ContractRules.IS_DRAFT, ContractRules.CREATOR_OR_SENDING_ADMIN));
        table.put(Action.DELETE_DRAFT, allOf(ContractRules.IS_DRAFT, ContractRules.CREATOR_OR_SENDING_ADMIN));
        table.put(Action.APPROVE_OR_RETURN, ContractRules.IS_CURRENT_APPROVER);
        table.put(Action.SIGN, allOf(ContractRules.IS_CURRENT_SIGNER, ContractRules.SIGNER_HAS_AUTHORITY));
        table.put(Action.SET_PARTY_ROUTE, ContractRules.SPEAKS_FOR_CURRENT_PARTY);
        table.put(Action.DECLINE, ContractRules.SPEAKS_FOR_CURRENT_PARTY);
        table.put(Action.ACKNOWLEDGE_RECEIPT, ContractRules.IS_CURRENT_SIGNER);
        table.put(Action.WITHDRAW, ContractRules.SENDER_CREATOR_OR_ADMIN);
        table.put(Action.AMEND_CONTRACT, ContractRules.OF_SENDING_COMPANY);
        table.put(Action.SET_LEGAL_HOLD, ADMINISTRATIVE);

        for (Action action : Action.values()) {
            if (!table.containsKey(action)) {
                throw new IllegalStateException("no access rule for " + action);
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
