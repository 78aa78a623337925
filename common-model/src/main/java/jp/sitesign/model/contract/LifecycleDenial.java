package jp.sitesign.model.contract;

/**
 * Why a command does not apply to a contract in its current state (as opposed to the access policy's
 * {@link jp.sitesign.model.policy.Denial}, which says the actor may not issue it).
 *
 * <p>The constant names are stable codes that clients may match on; renaming one is a breaking change.
 * The texts say what to do next where the user can do something.
 */
public enum LifecycleDenial {
    /** EDIT, DELETE and SUBMIT apply to 下書き and 下書き（差戻し） only. */
    NOT_A_DRAFT("下書きではないため、この操作はできません。", "Only a draft can be changed this way."),
    /** 締結済・取消・辞退・期限切れ accept nothing; a completed contract is immutable. */
    FINAL("この契約は既に終了しています（締結済・取消・辞退・期限切れ）。",
            "This contract has ended (completed, withdrawn, declined or expired)."),
    NOT_IN_APPROVAL("承認中ではないため、承認・差戻しはできません。", "The contract is not awaiting approval."),
    /** The counterparty on turn has to name its route and signer before anyone approves. */
    PARTY_NOT_SET_UP("この当事者の承認ルートと署名者がまだ設定されていません。先に設定してください。",
            "This party has not yet set its approval route and signer. Set them first."),
    ALREADY_SET_UP("この当事者の承認ルートと署名者は既に設定されています。",
            "This party has already set its approval route and signer."),
    /** A route names a user twice, or names nobody in a slot. */
    INVALID_ROUTE("承認ルートに同じ承認者が重複しているか、空の欄があります。承認者を見直してください。",
            "The approval route names an approver twice or has an empty entry. Check the approvers."),
    NOT_AWAITING_SIGNATURE("署名待ちではないため、署名できません。", "The contract is not awaiting a signature."),
    NOT_AWAITING_RECEIPT("受領確認待ちではないため、受領確認はできません。",
            "The contract is not awaiting an acknowledgement of receipt."),
    NOT_SEND_ONLY("受領確認は「送付のみ」の契約だけで行います。", "Only send-only contracts are acknowledged."),
    ACKNOWLEDGE_INSTEAD("「送付のみ」の契約は、受領者が署名ではなく受領確認をします。",
            "A send-only contract is acknowledged by its recipient, not signed."),
    /** A sealed 送付のみ contract is sealed by the server, which no person can do for it (ADR 34). */
    SEALED_NOT_SIGNED("この「送付のみ」の契約は、送付元の承認後にサーバーの組織の電子印で封印して送付されます。署名は不要です。",
            "This send-only contract is sealed with the server's organisation seal once the sender approves it;"
                    + " nobody signs it."),
    /** Only a sealed 送付のみ contract whose sender approved it is sealed. */
    NOT_AWAITING_SEAL("組織の電子印で封印する段階ではありません。", "The contract is not awaiting the organisation seal."),
    /** Declining and expiry concern a contract out of the sender's hands (承認中 or 署名待ち). */
    NOT_SENT("送付中の契約ではないため、この操作はできません。", "The contract is not out for approval or signature."),
    /** 取消 is for a contract that was sent; an unsent draft is deleted. */
    NEVER_SENT("送付前の下書きは取消できません。不要であれば削除してください。",
            "A draft that was never sent cannot be withdrawn. Delete it if it is not needed."),
    SENDER_CANNOT_DECLINE("送付元は辞退できません。取り消す場合は「取消」を使ってください。",
            "The sender cannot decline; withdraw the contract instead."),
    /** A return (差戻し) tells the sender what to change. */
    COMMENT_REQUIRED("差戻しの理由をコメントに入力してください。", "Enter a comment saying why the contract is returned."),
    NO_DEADLINE("署名期限が設定されていません。", "The contract has no signing deadline."),
    DEADLINE_NOT_PASSED("署名期限はまだ過ぎていません。", "The signing deadline has not passed yet."),
    /** Sending a contract whose deadline is already over would only let it expire at once. */
    DEADLINE_PASSED("署名期限が過ぎています。署名期限を変更してから送付してください。",
            "The signing deadline has passed. Change it before sending."),
    TOO_FEW_PARTIES("当事者が足りません。取引先を指定してください。", "A contract needs at least one counterparty. Add one."),
    /** A 変更契約 changes a contract that was concluded; anything else is still edited, withdrawn or redone. */
    NOT_COMPLETED("変更契約は締結済の契約からのみ作成できます。", "A change contract can only be made from a completed contract."),
    /** Only a completed contract carries an archive timestamp (B-LTA) to renew. */
    NOT_ARCHIVED("締結済の契約ではないため、アーカイブタイムスタンプは更新しません。",
            "Only a completed contract has its archive timestamp renewed."),
    SIGNER_MISSING("署名者が設定されていません。署名者を指定してください。", "No signer has been set. Choose a signer.");

    private final String reasonJa;
    private final String reasonEn;

    LifecycleDenial(String reasonJa, String reasonEn) {
        this.reasonJa = reasonJa;
        this.reasonEn = reasonEn;
    }

    /** The stable code; the same as {@link #name()}. */
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
