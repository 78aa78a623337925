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
    EXPIRE,
    /**
     * The server seals a 送付のみ contract with its organisation seal in place of the sender's signature (ADR 34),
     * in the step that made it due ({@link ContractProgress#awaitsSeal()}); no user asks for it.
     */
    SEAL
}
