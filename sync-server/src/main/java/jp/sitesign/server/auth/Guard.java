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
import jp.sitesign.model.policy.Denial;
import jp.sitesign.model.policy.Resource;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserStatus;
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

    /**
     * The policy's actor for the caller. An integration application acts company-wide, as an administrator
     * would, within its scopes: its own state was checked when its key was, so the applying admin's account
     * state does not carry over.
     */
    public Actor actor(Caller caller) {
        if (caller.isApplication()) {
            User u = caller.user();
            return new Actor(u.id(), u.companyId(), Role.ADMIN, UserStatus.ACTIVE, caller.companyStatus(), false,
                    caller.application());
        }
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
        // An API client branches on these two, so they get codes of their own rather than FORBIDDEN.
        ErrorCode code = Denial.SCOPE_MISSING.code().equals(d.code()) ? ErrorCode.API_SCOPE_MISSING
                : Denial.NOT_FOR_APPLICATIONS.code().equals(d.code()) ? ErrorCode.API_KEY_NOT_ACCEPTED
                : ErrorCode.FORBIDDEN;
        return new SiteSignException(code, d.reasonJa(), d.reasonEn());
    }
}
