package jp.sitesign.model.policy;

import java.util.Objects;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.Role;

/**
 * A user about to be registered: it has no id yet, but its company and role decide whether the
 * registration is allowed (an owner is only ever issued by the operator).
 */
public record NewUserResource(CompanyId companyId, Role role) implements Resource {

    public NewUserResource {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(role, "role");
    }
}
