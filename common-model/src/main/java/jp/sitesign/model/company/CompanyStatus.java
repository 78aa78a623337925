package jp.sitesign.model.company;

/** Whether a company may use the service. */
public enum CompanyStatus {
    /** 利用中 */
    ACTIVE("利用中", "Active"),
    /** 利用契約終了: nobody of the company can log in any more. */
    TERMINATED("利用契約終了", "Terminated");

    private final String labelJa;
    private final String labelEn;

    CompanyStatus(String labelJa, String labelEn) {
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
