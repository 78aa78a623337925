package jp.sitesign.model.contract;

/**
 * What can happen to a contract. Which policy action decides who may make it happen, which sync command
 * carries it and which audit action records it is said once, in
 * {@link jp.sitesign.model.workflow.ContractVerbs}, so that the lifecycle stays below the policy.
 */
public enum LifecycleCommand {
    EDIT,
    DELETE,
    SUBMIT,
    SET_PARTY_ROUTE,
    APPROVE,
    RETURN,
    SIGN,
    ACKNOWLEDGE,
    WITHDRAW,
    DECLINE,
    /** Taken by the server's deadline job, not by a user. */
    EXPIRE
}
