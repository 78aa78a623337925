package jp.sitesign.model.contract;

/**
 * The items 建設業法 第19条 第1項 requires a construction contract to state, plus 工事名 and 工事場所.
 * Items the law requires only "when there is such an agreement" (施工しない日・時間帯, 前金払・出来形払,
 * 資材・機械の提供, 契約不適合責任の保証措置) are {@linkplain #required() optional}: an empty one means
 * "no such agreement", which the law allows.
 */
public enum ConstructionItem {
    WORK_NAME(true, "工事名", "Name of the work"),
    WORK_SITE(true, "工事場所", "Site of the work"),
    WORK_CONTENT(true, "工事内容", "Content of the work"),
    CONTRACT_PRICE(true, "請負代金の額", "Contract price"),
    SCHEDULE(true, "工事着手の時期及び工事完成の時期", "Start and completion of the work"),
    NON_WORKING_DAYS(false, "工事を施工しない日又は時間帯の定め", "Days or hours without work"),
    ADVANCE_AND_PROGRESS_PAYMENT(false, "前金払・出来形部分に対する支払の時期及び方法",
            "Advance and progress payments: when and how"),
    DESIGN_CHANGE_AND_SUSPENSION(true, "設計変更・工事着手の延期・工事の中止の場合の工期・代金の変更又は損害の負担",
            "Design change, postponement or suspension: schedule, price and damages"),
    FORCE_MAJEURE(true, "天災その他不可抗力による工期の変更又は損害の負担", "Force majeure: schedule and damages"),
    PRICE_FLUCTUATION(true, "価格等の変動若しくは変更に基づく請負代金の額又は工事内容の変更",
            "Price or content changes from price fluctuations"),
    THIRD_PARTY_DAMAGE(true, "第三者が損害を受けた場合の賠償金の負担", "Damages to third parties"),
    MATERIALS_AND_MACHINERY(false, "注文者が提供する資材・貸与する機械の内容及び方法",
            "Materials or machinery provided by the orderer"),
    INSPECTION_AND_DELIVERY(true, "完成を確認する検査の時期及び方法並びに引渡しの時期",
            "Inspection of completion and handover: when and how"),
    PAYMENT_AFTER_COMPLETION(true, "工事完成後における請負代金の支払の時期及び方法",
            "Payment after completion: when and how"),
    NONCONFORMITY_LIABILITY(false, "契約不適合責任又はその履行に関する保証保険契約の締結その他の措置",
            "Liability for non-conformity and the security for it"),
    DELAY_AND_DEFAULT(true, "履行の遅滞その他債務の不履行の場合における遅延利息、違約金その他の損害金",
            "Interest and penalties for delay or default"),
    DISPUTE_RESOLUTION(true, "契約に関する紛争の解決方法", "How disputes are resolved");

    private final boolean required;
    private final String labelJa;
    private final String labelEn;

    ConstructionItem(boolean required, String labelJa, String labelEn) {
        this.required = required;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** Whether every construction contract must state this item. */
    public boolean required() {
        return required;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
