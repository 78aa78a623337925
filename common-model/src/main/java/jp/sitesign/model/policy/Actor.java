package jp.sitesign.model.policy;

import java.util.Objects;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;

/**
 * Who is asking, with every account fact the policy needs, so that the policy can stay a pure
 * function: the caller reads the user and company records and the clock, the policy only judges.
 *
 * <p>There is deliberately no actor for the service operator: the operator works through the server
 * CLI, which does not go through this policy.
 *
 * @param locked      whether the account is locked after failed logins <em>now</em>; the caller compares
 *                    the user's lock-until with its clock, because the policy has none
 * @param application set when an integration application acts with its key (then {@code userId} is the
 *                    admin who applied for it, and its scopes bound what it may do); null for a person
 */
public record Actor(
        UserId userId,
        CompanyId companyId,
        Role role,
        UserStatus status,
        CompanyStatus companyStatus,
        boolean locked,
        ApplicationGrant application) {

    /** A person (no integration application). */
    public Actor(UserId userId, CompanyId companyId, Role role, UserStatus status, CompanyStatus companyStatus,
            boolean locked) {
        this(userId, companyId, role, status, companyStatus, locked, null);
    }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(companyStatus, "companyStatus");
    }

    /** Whether an integration application, not a person, is asking. */
    public boolean isApplication() {
        return application != null;
    }
}
