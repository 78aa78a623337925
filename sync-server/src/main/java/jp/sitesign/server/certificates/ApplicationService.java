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
        requireText(holder == null ? null : holder.name(), MAX_FIELD, "名義人の氏名", "the holder's name");
        requireText(reason, MAX_REASON, "申請理由", "the reason");
        optionalText(holder.department(), "部署", "the department");
        optionalText(holder.title(), "役職", "the title");
        optionalText(holder.email(), "メールアドレス", "the email");
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

    private static void requireText(String value, int max, String ja, String en) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw CertificateMessage.FIELD_LENGTH.exception(ja, max, en);
        }
    }

    private static void optionalText(String value, String ja, String en) {
        if (value != null && value.length() > MAX_FIELD) {
            throw CertificateMessage.FIELD_TOO_LONG.exception(ja, MAX_FIELD, en);
        }
    }
}
