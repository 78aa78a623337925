package jp.sitesign.model.company;

import java.time.Instant;
import java.util.Objects;

/**
 * 企業: a tenant of the service.
 *
 * @param retentionYears how long completed contracts are kept (at least 10 by default)
 */
public record Company(
        CompanyId id,
        String name,
        String nameKana,
        CorporateNumber corporateNumber,
        String address,
        String representative,
        CompanyStatus status,
        int retentionYears,
        Instant createdAt) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isActive() {
        return status == CompanyStatus.ACTIVE;
    }
}
