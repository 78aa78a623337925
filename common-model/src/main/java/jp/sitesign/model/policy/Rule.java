package jp.sitesign.model.policy;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * One row's requirement in the policy table. Rules are stateless, so the table can be built once
 * and shared by every thread.
 */
@FunctionalInterface
interface Rule {

    /** Decides for a resource already known to be of the action's {@link Action#resourceType()}. */
    Decision check(Actor actor, Resource resource);

    /** For rows that every logged-in user may do once the cross-cutting checks passed. */
    Rule ANYONE = (actor, resource) -> Decision.allow();

    /** For rows marked ✓ for OWNER and ADMIN and – for MEMBER. */
    Rule ADMINISTRATIVE = require(Resource.class,
            (actor, resource) -> actor.role().isAdministrative(), Denial.ROLE_REQUIRED);

    /** A requirement that holds when {@code condition} does, and is denied with {@code denial} otherwise. */
    static <R extends Resource> Rule require(Class<R> type, BiPredicate<Actor, R> condition, Denial denial) {
        return (actor, resource) -> condition.test(actor, type.cast(resource))
                ? Decision.allow()
                : Decision.deny(denial);
    }

    /** All requirements in order; the first denial is the answer, so order them by what to fix first. */
    static Rule allOf(Rule... rules) {
        List<Rule> all = List.of(rules);
        return (actor, resource) -> {
            for (Rule rule : all) {
                Decision decision = rule.check(actor, resource);
                if (decision.denied()) {
                    return decision;
                }
            }
            return Decision.allow();
        };
    }
}
