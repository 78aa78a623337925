package jp.sitesign.model.policy;

import java.util.Objects;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;

/**
 * An existing user as the target of user management or of binding a signing certificate.
 *
 * @param role    the target's role now; an owner target is the operator's business
 * @param newRole for {@link Action#EDIT_USER}: the role the edit would give, or {@code null} when the
 *                role does not change. The policy needs it because handing out the owner role, or
 *                changing one's own role, is never allowed through the API.
 */
public record UserResource(UserId userId, CompanyId companyId, Role role, Role newRole) implements Resource {

    public UserResource {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(role, "role");
    }

    /** A target whose role is not being changed. */
    public UserResource(UserId userId, CompanyId companyId, Role role) {
        this(userId, companyId, role, null);
    }

    /** True when the action would give the user a role different from the one they have. */
    public boolean changesRole() {
        return newRole != null && newRole != role;
    }
}
