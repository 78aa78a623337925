package jp.sitesign.model.audit;

/** How the recorded attempt ended. */
public enum AuditOutcome {
    SUCCESS("成功"),
    FAILURE("失敗"),
    DENIED("拒否");

    private final String labelJa;

    AuditOutcome(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
