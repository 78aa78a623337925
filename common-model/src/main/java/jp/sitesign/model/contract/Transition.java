package jp.sitesign.model.contract;

import java.util.Objects;

/**
 * The outcome of applying a command: the next progress, "deleted" (the contract is gone), or a
 * refusal with its reason. Exactly one of these.
 */
public record Transition(ContractProgress next, boolean deleted, LifecycleDenial denial) {

    public Transition {
        int outcomes = (next != null ? 1 : 0) + (deleted ? 1 : 0) + (denial != null ? 1 : 0);
        if (outcomes != 1) {
            throw new IllegalArgumentException("a transition has exactly one outcome");
        }
    }

    static Transition to(ContractProgress next) {
        return new Transition(Objects.requireNonNull(next), false, null);
    }

    static Transition gone() {
        return new Transition(null, true, null);
    }

    static Transition refused(LifecycleDenial denial) {
        return new Transition(null, false, Objects.requireNonNull(denial));
    }

    public boolean allowed() {
        return denial == null;
    }
}
