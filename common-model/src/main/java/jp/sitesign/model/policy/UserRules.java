package jp.sitesign.model.policy;

import static jp.sitesign.model.policy.Rule.require;

import jp.sitesign.model.user.Role;

/**
 * Requirements of the user-management rows beyond "owner or admin": the owner account is the
 * operator's to create and change (owner transfers included), and nobody can lock themselves out or
 * change their own role, so a company never loses its administrators by one click.
 */
final class UserRules {

    static final Rule TARGET_IS_NOT_OWNER = require(UserResource.class,
            (actor, user) -> user.role() != Role.OWNER, Denial.OWNER_OPERATOR_ONLY);

    static final Rule DOES_NOT_GIVE_OWNER_ROLE = require(UserResource.class,
            (actor, user) -> user.newRole() != Role.OWNER, Denial.OWNER_OPERATOR_ONLY);

    static final Rule DOES_NOT_REGISTER_OWNER = require(NewUserResource.class,
            (actor, user) -> user.role() != Role.OWNER, Denial.OWNER_OPERATOR_ONLY);

    static final Rule TARGET_IS_NOT_SELF = require(UserResource.class,
            (actor, user) -> !actor.userId().equals(user.userId()), Denial.SELF_ACTION);

    static final Rule NO_OWN_ROLE_CHANGE = require(UserResource.class,
            (actor, user) -> !(user.changesRole() && actor.userId().equals(user.userId())), Denial.SELF_ACTION);

    private UserRules() {
    }
}
