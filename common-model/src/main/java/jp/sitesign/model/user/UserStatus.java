package jp.sitesign.model.user;

/** Whether an account may be used. */
public enum UserStatus {
    /** 利用中 */
    ACTIVE("利用中", "Active"),
    /** 利用停止: cannot log in until resumed. */
    SUSPENDED("利用停止", "Suspended"),
    /** 削除: personal data erased; the id stays for the audit log. */
    DELETED("削除", "Deleted");

    private final String labelJa;
    private final String labelEn;

    UserStatus(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
