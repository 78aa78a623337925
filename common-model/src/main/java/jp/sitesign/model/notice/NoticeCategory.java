package jp.sitesign.model.notice;

/** The kinds of service announcement the operator publishes. */
public enum NoticeCategory {
    FUNCTION_CHANGE("機能変更", "Function change"),
    MAINTENANCE("メンテナンス", "Maintenance"),
    INCIDENT("障害情報", "Incident"),
    GENERAL("お知らせ", "General");

    private final String labelJa;
    private final String labelEn;

    NoticeCategory(String labelJa, String labelEn) {
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
