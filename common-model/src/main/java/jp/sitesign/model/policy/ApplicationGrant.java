package jp.sitesign.model.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import jp.sitesign.model.integration.ApiScope;

/**
 * An approved integration application acting with its key: which one (for the audit log) and the scopes the
 * operator approved. An {@link Actor} carrying a grant is an application, not a person.
 *
 * @param applicationId the application's id ({@code A} + 8 digits)
 * @param scopes        what its key may do
 */
public record ApplicationGrant(String applicationId, Set<ApiScope> scopes) {

    public ApplicationGrant {
        Objects.requireNonNull(applicationId, "applicationId");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }
}
