package jp.sitesign.model.contract;

import jp.sitesign.model.policy.Action;

/** What can happen to a contract, each with the policy action that decides who may make it happen. */
public enum LifecycleCommand {
    EDIT(Action.EDIT_DRAFT),
    DELETE(Action.DELETE_DRAFT),
    SUBMIT(Action.EDIT_DRAFT),
    SET_PARTY_ROUTE(Action.SET_PARTY_ROUTE),
    APPROVE(Action.APPROVE_OR_RETURN),
    RETURN(Action.APPROVE_OR_RETURN),
    SIGN(Action.SIGN),
    ACKNOWLEDGE(Action.ACKNOWLEDGE_RECEIPT),
    WITHDRAW(Action.WITHDRAW),
    DECLINE(Action.DECLINE),
    /** Taken by the server's deadline job, not by a user. */
    EXPIRE(null);

    private final Action action;

    LifecycleCommand(Action action) {
        this.action = action;
    }

    /** The access-policy action to check before applying, or null for the system's own command. */
    public Action action() {
        return action;
    }
}
