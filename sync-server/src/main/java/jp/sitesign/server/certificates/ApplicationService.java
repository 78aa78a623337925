package jp.sitesign.server.certificates;

import java.time.Clock;
import java.util.List;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.storage.Database;

/** Owners and admins apply for an additional signing certificate and follow their applications. */
public final class ApplicationService {
    private static final int MAX_FIELD = 100;
    private static final int MAX_REASON = 2000;

    private final Database db;
    private final ApplicationRepository applications;
    private final AuditLog audit;
    private final Guard guard;
    private final Clock clock;

    public ApplicationService(Database db, ApplicationRepository applications, AuditLog audit, Guard guard,
            Clock clock) {
        this.db = db;
        this.applications = applications;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    public CertificateApplication apply(Caller caller, CertificateApplication.Holder holder, String reason,
            String csrPem) {
        CompanyId own = caller.user().companyId();
        guard.requireForChange(caller, Action.APPLY_FOR_CERTIFICATE, new CompanyResource(own), null);
        requireText(holder == null ? null : holder.name(), MAX_FIELD, CertificateMessage.HOLDER_NAME_LENGTH);
        requireText(reason, MAX_REASON, CertificateMessage.REASON_LENGTH);
        optionalText(holder.department(), CertificateMessage.DEPARTMENT_TOO_LONG);
        optionalText(holder.title(), CertificateMessage.TITLE_TOO_LONG);
        optionalText(holder.email(), CertificateMessage.EMAIL_TOO_LONG);
        if (csrPem != null && !csrPem.isBlank()) {
            CertificateRequests.publicKey(csrPem);
        }
        long id = db.inTransaction(c -> {
            long newId = applications.insert(c, own, caller.getName(), clock.instant(),
                    new CertificateApplication.Content(holder, reason, csrPem == null || csrPem.isBlank() ? null : csrPem));
            audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.CERTIFICATE_APPLIED,
                    Long.toString(newId), AuditOutcome.SUCCESS, caller.clientIp(), "application=" + newId));
            return newId;
        });
        return db.read(c -> applications.find(c, id)).orElseThrow();
    }

    public List<CertificateApplication> list(Caller caller) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.APPLY_FOR_CERTIFICATE, new CompanyResource(own));
        return db.read(c -> applications.list(c, own));
    }

    private static void requireText(String value, int max, CertificateMessage tooLong) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw tooLong.exception(max);
        }
    }

    private static void optionalText(String value, CertificateMessage tooLong) {
        if (value != null && value.length() > MAX_FIELD) {
            throw tooLong.exception(MAX_FIELD);
        }
    }
}
