package jp.sitesign.model.policy;

import java.util.Objects;
import jp.sitesign.model.company.CompanyId;

/**
 * A company's own data as a whole: its user list, audit logs, certificate and API applications,
 * API allow-list, and the place a new draft is created in. Carries the company so that the policy,
 * not each caller, refuses another company's data.
 */
public record CompanyResource(CompanyId companyId) implements Resource {

    public CompanyResource {
        Objects.requireNonNull(companyId, "companyId");
    }
}
