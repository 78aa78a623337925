package jp.sitesign.model.company;

/** Whether a company may use the service. */
public enum CompanyStatus {
    /** 利用中 */
    ACTIVE("利用中", "Active"),
    /**
     * 利用契約終了: in the grace period before its data is purged, the company's owner and admins may log in
     * to view and export; nobody else may log in (ADR 13).
     */
    TERMINATED("利用契約終了", "Terminated"),
    /** データ削除済: the terminated company's data was purged; only its name remains, for its partners' contracts. */
    PURGED("データ削除済", "Data deleted");

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
