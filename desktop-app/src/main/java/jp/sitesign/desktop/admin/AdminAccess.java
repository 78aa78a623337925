package jp.sitesign.desktop.admin;

import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.policy.NewUserResource;
import jp.sitesign.model.policy.UserResource;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserView;

/**
 * The logged-in user as the access policy's actor, to enable the admin controls the way the server will
 * judge them. The company is taken as active: a user of a terminated company cannot log in at all.
 */
public final class AdminAccess {
    private final Actor actor;

    private AdminAccess(Actor actor) {
        this.actor = actor;
    }

    public static AdminAccess of(UserView me) {
        return new AdminAccess(new Actor(new UserId(me.id()), new CompanyId(me.companyId()), me.role(), me.status(),
                CompanyStatus.ACTIVE, me.locked()));
    }

    public String userId() {
        return actor.userId().value();
    }

    /** An action on the own company as a whole (view users, audit log, certificates, partnerships). */
    public Decision onCompany(Action action) {
        return AccessPolicy.decide(actor, action, new CompanyResource(actor.companyId()));
    }

    public Decision register(Role role) {
        return AccessPolicy.decide(actor, Action.REGISTER_USER, new NewUserResource(actor.companyId(), role));
    }

    /** An action on an existing user; {@code newRole} only for edits that may change the role. */
    public Decision onUser(Action action, UserView target, Role newRole) {
        return AccessPolicy.decide(actor, action, new UserResource(new UserId(target.id()),
                new CompanyId(target.companyId()), target.role(), newRole));
    }

    /** Whether the 管理 section is for this user at all. */
    public boolean administers() {
        return onCompany(Action.VIEW_USERS).allowed();
    }
}
