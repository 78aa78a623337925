package jp.sitesign.model.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import jp.sitesign.model.integration.ApiScope;

/**
 * Which scopes let an integration application take an action (all of them are needed). Actions missing here (logging in, passwords,
 * managing users, certificates and partners, approving, signing, audit logs) are never an application's:
 * they stay with the company's people.
 */
final class ApplicationRules {
    private static final Map<Action, Set<ApiScope>> SCOPES_OF = buildTable();

    private ApplicationRules() {
    }

    /** Every scope an application needs for {@code action}; empty when no application may do it. */
    static Set<ApiScope> scopesFor(Action action) {
        return SCOPES_OF.getOrDefault(action, Set.of());
    }

    static Decision check(ApplicationGrant grant, Action action) {
        Set<ApiScope> needed = scopesFor(action);
        if (needed.isEmpty()) {
            return Decision.deny(Denial.NOT_FOR_APPLICATIONS);
        }
        return grant.scopes().containsAll(needed) ? Decision.allow() : Decision.deny(Denial.SCOPE_MISSING);
    }

    private static Map<Action, Set<ApiScope>> buildTable() {
        Map<Action, Set<ApiScope>> t = new EnumMap<>(Action.class);
        t.put(Action.VIEW_CONTRACT, Set.of(ApiScope.CONTRACTS_READ));
        t.put(Action.VIEW_PARTNERSHIPS, Set.of(ApiScope.CONTRACTS_READ));
        t.put(Action.VIEW_COMPANY_DIRECTORY, Set.of(ApiScope.CONTRACTS_READ));
        t.put(Action.CREATE_DRAFT, Set.of(ApiScope.CONTRACTS_WRITE));
        t.put(Action.EDIT_DRAFT, Set.of(ApiScope.CONTRACTS_WRITE));
        t.put(Action.DELETE_DRAFT, Set.of(ApiScope.CONTRACTS_WRITE));
        t.put(Action.SEND_UNDER_SEAL, Set.of(ApiScope.CONTRACTS_WRITE));
        t.put(Action.READ_DOCUMENT, Set.of(ApiScope.DOCUMENTS_READ));
        t.put(Action.SEARCH_CONTRACTS, Set.of(ApiScope.CONTRACTS_READ));
        // An export is a search written to a file: it shows what contracts:read shows.
        t.put(Action.EXPORT_CONTRACTS, Set.of(ApiScope.EXPORT, ApiScope.CONTRACTS_READ));
        t.put(Action.EXPORT_CONTRACTS_WITH_DOCUMENTS, Set.of(ApiScope.EXPORT, ApiScope.CONTRACTS_READ,
                ApiScope.DOCUMENTS_READ));
        t.put(Action.VIEW_USERS, Set.of(ApiScope.USERS_READ));
        return Collections.unmodifiableMap(t);
    }
}
