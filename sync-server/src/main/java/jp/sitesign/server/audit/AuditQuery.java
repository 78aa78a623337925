package jp.sitesign.server.audit;

import java.time.Instant;
import jp.sitesign.model.audit.AuditAction;

/** A filter over one company's audit events; null fields do not filter. */
public record AuditQuery(String companyId, Instant from, Instant to, String actor, AuditAction action,
        int offset, int limit) {
}
