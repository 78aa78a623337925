package jp.sitesign.server.audit;

import java.time.Instant;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.time.JapanTime;

/** A filter over one company's audit events; null fields do not filter. */
public record AuditQuery(String companyId, Instant from, Instant to, String actor, AuditAction action,
        int offset, int limit) {

    /** The filter in the audit log's own words (parsed values only, never raw request text). */
    public String describe() {
        return "from=" + (from == null ? "-" : JapanTime.display(from))
                + " to=" + (to == null ? "-" : JapanTime.display(to))
                + (actor == null ? "" : " user=" + actor)
                + (action == null ? "" : " action=" + action.name());
    }
}
