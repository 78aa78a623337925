package jp.sitesign.model.integration;

import java.util.Optional;

/**
 * Where an integration application stands in the operator's review, and which review steps lead where: one
 * place for the CLI, the server and the desktop app to agree on. Only an {@link #APPROVED} application has a
 * usable key.
 */
public enum ApplicationStatus {
    /** 審査中: applied for, waiting for the operator. */
    PENDING("審査中", "Under review"),
    /** 承認済: the key may be issued and used. */
    APPROVED("承認済", "Approved"),
    /** 却下: the operator refused it, with a reason. */
    REJECTED("却下", "Rejected"),
    /** 一時停止: the key is refused until the operator approves the application again. */
    SUSPENDED("一時停止", "Suspended"),
    /** 取消: for good; the key never works again. */
    REVOKED("取消", "Revoked");

    private final String labelJa;
    private final String labelEn;

    ApplicationStatus(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether the application's key authenticates calls. */
    public boolean keyUsable() {
        return this == APPROVED;
    }

    /**
     * The status the operator's {@code step} leads to from this one, or empty when the step does not apply
     * (e.g. approving a revoked application).
     */
    public Optional<ApplicationStatus> after(Review step) {
        boolean applies = switch (step) {
            case APPROVE -> this == PENDING || this == SUSPENDED;
            case REJECT -> this == PENDING;
            case SUSPEND -> this == APPROVED;
            case REVOKE -> this == PENDING || this == APPROVED || this == SUSPENDED;
        };
        return applies ? Optional.of(step.leadsTo) : Optional.empty();
    }

    /** The operator's review steps ({@code api-app approve|reject|suspend|revoke}). */
    public enum Review {
        APPROVE(APPROVED), REJECT(REJECTED), SUSPEND(SUSPENDED), REVOKE(REVOKED);

        private final ApplicationStatus leadsTo;

        Review(ApplicationStatus leadsTo) {
            this.leadsTo = leadsTo;
        }
    }
}
