package jp.sitesign.model.user;

/** The three account types of the service's security commitments. */
public enum Role {
    /** 責任者: exactly one per company, issued by the operator. */
    OWNER("責任者", "Owner"),
    /** 管理者: added by the owner or another admin. */
    ADMIN("管理者", "Administrator"),
    /** 一般利用者 */
    MEMBER("一般利用者", "Member");

    private final String labelJa;
    private final String labelEn;

    Role(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** Owners and admins manage their company; members do not. */
    public boolean isAdministrative() {
        return this == OWNER || this == ADMIN;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
