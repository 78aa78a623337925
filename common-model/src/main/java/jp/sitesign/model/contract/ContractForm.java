package jp.sitesign.model.contract;

/** The kinds of contract document (契約形態), with how many parties each can have. */
public enum ContractForm {
    /** 注文書と請書を別々の文書として交わす. */
    ORDER_AND_ACCEPTANCE_SEPARATE("注文書・請書（分離）", "Purchase order and acceptance (separate)", 2),
    /** 注文書と請書を一つの文書で交わす. */
    ORDER_AND_ACCEPTANCE_COMBINED("注文書・請書（一体）", "Purchase order and acceptance (combined)", 2),
    BILATERAL("契約書（1対1）", "Contract (two parties)", 2),
    MULTI_PARTY("契約書（複数当事者）", "Contract (multiple parties)", 9),
    /** The sender signs and sends; the recipient acknowledges receipt instead of signing. */
    SEND_ONLY("送付のみ", "Send only", 2);

    public static final int MIN_PARTIES = 2;

    private final String labelJa;
    private final String labelEn;
    private final int maxParties;

    ContractForm(String labelJa, String labelEn, int maxParties) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
        this.maxParties = maxParties;
    }

    public int maxParties() {
        return maxParties;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
