package jp.sitesign.model.sync;

/** How the server answered a command. */
public enum CommandOutcome {
    /** Done; the entity's new revision is in the result. */
    APPLIED,
    /** Refused for a reason that trying again will not change (policy, lifecycle, invalid input). */
    REJECTED,
    /**
     * The entity moved on since the revision the command was based on (or, for SIGN, the signed version is
     * no longer current: "sign again"); the result carries the current state so the user can choose.
     */
    CONFLICT
}
