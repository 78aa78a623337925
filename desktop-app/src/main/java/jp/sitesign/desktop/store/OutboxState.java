package jp.sitesign.desktop.store;

/**
 * Where an outbox command stands. PENDING until the server answers; APPLIED ones leave the outbox once the
 * change feed has brought their effect; REJECTED and CONFLICT ones stay until the user dismisses them.
 */
public enum OutboxState {
    PENDING,
    APPLIED,
    REJECTED,
    CONFLICT;

    /** Whether the user must look at it (the server refused it, or the entity moved on). */
    public boolean needsAttention() {
        return this == REJECTED || this == CONFLICT;
    }
}
