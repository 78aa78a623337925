package jp.sitesign.server.auth;

import java.time.Clock;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.policy.Resource;
import jp.sitesign.model.user.User;
import jp.sitesign.server.audit.AuditLog;

/**
 * Enforces common-model's {@link AccessPolicy} on the server: the server never decides access itself,
 * it asks the policy and records every refusal of a state-changing action in the audit log.
 */
public final class Guard {
    private final AuditLog audit;
    private final Clock clock;

    public Guard(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public static Actor actor(User user, CompanyStatus companyStatus, boolean locked) {
        return new Actor(user.id(), user.companyId(), user.role(), user.status(), companyStatus, locked);
    }

    public Actor actor(Caller caller) {
        return actor(caller.user(), caller.companyStatus(), caller.user().isLockedAt(clock.instant()));
    }

    public Decision decide(Caller caller, Action action, Resource resource) {
        return AccessPolicy.decide(actor(caller), action, resource);
    }

    /** Throws FORBIDDEN with the policy's reason unless allowed. Reads are refused without an audit entry. */
    public void require(Caller caller, Action action, Resource resource) {
        Decision d = decide(caller, action, resource);
        if (!d.allowed()) {
            throw forbidden(d);
        }
    }

    /** Like {@link #require} for a state-changing action: a refusal is recorded in the audit log first. */
    public void requireForChange(Caller caller, Action action, Resource resource, String target) {
        Decision d = decide(caller, action, resource);
        if (!d.allowed()) {
            audit.append(new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.ACCESS_DENIED, target,
                    AuditOutcome.DENIED, caller.clientIp(), action.name() + ": " + d.code()));
            throw forbidden(d);
        }
    }

    private static SiteSignException forbidden(Decision d) {
        return new SiteSignException(ErrorCode.FORBIDDEN, d.reasonJa(), d.reasonEn());
    }
}
