package jp.sitesign.model.contract;

/** Why a command does not apply to a contract in its current state; the names are stable codes. */
public enum LifecycleDenial {
    NOT_A_DRAFT("下書きではないため、この操作はできません。", "Only a draft can be changed this way."),
    FINAL("この契約は既に終了しています（締結済・取消・辞退・期限切れ）。",
            "This contract has ended (completed, withdrawn, declined or expired)."),
    NOT_IN_APPROVAL("承認中ではないため、承認・差戻しはできません。", "The contract is not awaiting approval."),
    PARTY_NOT_SET_UP("この当事者の承認ルートと署名者がまだ設定されていません。",
            "This party has not yet set its approval route and signer."),
    ALREADY_SET_UP("この当事者の承認ルートと署名者は既に設定されています。",
            "This party has already set its approval route and signer."),
    NOT_AWAITING_SIGNATURE("署名待ちではないため、署名できません。", "The contract is not awaiting a signature."),
    NOT_SEND_ONLY("受領確認は「送付のみ」の契約だけで行います。", "Only send-only contracts are acknowledged."),
    ACKNOWLEDGE_INSTEAD("「送付のみ」の契約は、受領者が署名ではなく受領確認をします。",
            "A send-only contract is acknowledged by its recipient, not signed."),
    NOT_SENT("まだ送付されていない契約です。", "The contract has not been sent."),
    SENDER_CANNOT_DECLINE("送付元は辞退できません。取り消す場合は「取消」を使ってください。",
            "The sender cannot decline; withdraw the contract instead."),
    NO_DEADLINE("署名期限が設定されていません。", "The contract has no signing deadline."),
    DEADLINE_NOT_PASSED("署名期限はまだ過ぎていません。", "The signing deadline has not passed yet."),
    TOO_FEW_PARTIES("当事者が足りません（送付元と取引先が必要です）。", "A contract needs the sender and at least one counterparty."),
    TOO_MANY_PARTIES("この契約形態の当事者数の上限を超えています。", "This contract form allows fewer parties."),
    SIGNER_MISSING("署名者が設定されていません。", "No signer has been set.");

    private final String reasonJa;
    private final String reasonEn;

    LifecycleDenial(String reasonJa, String reasonEn) {
        this.reasonJa = reasonJa;
        this.reasonEn = reasonEn;
    }

    public String code() {
        return name();
    }

    public String reasonJa() {
        return reasonJa;
    }

    public String reasonEn() {
        return reasonEn;
    }
}
