package jp.sitesign.model.policy;

/**
 * What an action is aimed at, with the attributes the policy judges it by.
 *
 * <p>Sealed so that the policy can know every kind of target, and each {@link Action} names the one
 * kind it expects ({@link Action#resourceType()}); passing another kind is a programming error and
 * fails loudly rather than being allowed or denied by accident.
 */
public sealed interface Resource
        permits NoTarget, CompanyResource, UserResource, NewUserResource, ContractResource {

    /** For actions on the actor's own account or on nothing company-specific (login, notices). */
    static Resource none() {
        return NoTarget.INSTANCE;
    }
}
