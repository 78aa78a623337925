package jp.sitesign.model.policy;

/**
 * Why the policy said no: a stable code plus what the user reads.
 *
 * <p>The constant names are the codes that go into {@link Decision#code()}, the audit log and the
 * sync protocol's rejections, and clients may match on them; renaming one is a breaking change.
 * The texts say what to do next where the user can do something, because the desktop app shows
 * them next to disabled controls.
 */
public enum Denial {
    /** The account was suspended by an administrator. */
    ACCOUNT_SUSPENDED(
            "このアカウントは利用停止中です。再開については自社の管理者または責任者にお問い合わせください。",
            "This account is suspended. Ask your company's administrator or owner to resume it."),
    /** The account was deleted; its id only remains for the audit log. */
    ACCOUNT_DELETED(
            "このアカウントは削除されています。ご利用には自社の管理者または責任者に登録を依頼してください。",
            "This account has been deleted. Ask your company's administrator or owner to register you."),
    /** Too many failed logins; the server decides when the lock ends. */
    ACCOUNT_LOCKED(
            "ログインの失敗が続いたため、アカウントがロックされています。しばらく待ってから再度お試しいただくか、"
                    + "自社の管理者にお問い合わせください。",
            "The account is locked after repeated failed logins. Try again later or contact your administrator."),
    /** The company's service agreement ended (利用契約終了). */
    COMPANY_TERMINATED(
            "ご所属の企業はサービスの利用契約が終了しているため、ご利用いただけません。",
            "Your company's service agreement has ended, so the service can no longer be used."),
    /** The company's service agreement ended; until its data is purged, its owner and admins may only look and export. */
    COMPANY_READ_ONLY(
            "ご所属の企業はサービスの利用契約が終了しています。データ削除までの期間は、閲覧とデータの書き出しのみ行えます。",
            "Your company's service agreement has ended. Until its data is deleted you can only view and export it."),
    /**
     * The target belongs to another company, or is a contract that has not been sent to the actor's
     * company. Both cases share one code so that a denial does not reveal whether such a contract exists.
     */
    OTHER_COMPANY(
            "他社のデータは表示・操作できません。",
            "You cannot view or change another company's data."),
    /** A member asked for a contract they have no part in. */
    NOT_INVOLVED(
            "この契約の作成者・担当者・承認者・署名者ではないため、表示・操作できません。必要な場合は管理者または責任者にご相談ください。",
            "You are not the creator, contact, an approver or a signer of this contract. "
                    + "Ask your administrator or owner if you need it."),
    /** The action needs an owner or administrator. */
    ROLE_REQUIRED(
            "この操作は管理者または責任者のみ行えます。",
            "Only an administrator or the owner can do this."),
    /** Registering, changing, suspending or deleting the owner is operator work (e.g. an owner transfer). */
    OWNER_OPERATOR_ONLY(
            "責任者の登録・変更・利用停止・削除はサービス運営者のみ行えます。サポート窓口にお問い合わせください。",
            "Only the service operator can register, change, suspend or delete the owner. Please contact support."),
    /** A user tried to suspend or delete themselves, or change their own role. */
    SELF_ACTION(
            "ご自身のアカウントの利用停止・削除・権限変更はできません。他の管理者または責任者に依頼してください。",
            "You cannot suspend or delete your own account or change your own role. "
                    + "Ask another administrator or the owner."),
    /** Only 下書き and 下書き（差戻し） can be edited or deleted; completed contracts never. */
    NOT_DRAFT(
            "編集・削除できるのは「下書き」または「下書き（差戻し）」の契約だけです。",
            "Only contracts in draft (or returned to draft) can be edited or deleted."),
    /** A draft is edited or deleted by its creator or an administrator of the sending company. */
    NOT_CREATOR(
            "この下書きを編集・削除できるのは、作成者と作成元企業の管理者・責任者です。",
            "Only the creator, or an administrator or the owner of the sending company, can edit or delete this draft."),
    /** A 変更契約 is started by the company that sent the original. */
    NOT_SENDER(
            "変更契約を作成できるのは、元の契約の送付元企業だけです。変更が必要な場合は送付元企業にご連絡ください。",
            "Only the company that sent the original contract can start a change contract. Ask the sender if a change"
                    + " is needed."),
    /** Approving or returning is for the approver whose turn it is. */
    NOT_CURRENT_APPROVER(
            "現在の承認者ではないため、承認・差戻しはできません。",
            "You are not the current approver of this contract, so you cannot approve or return it."),
    /** Setting a party's route or declining is for that party's receiving user or administrators, in its turn. */
    NOT_CURRENT_PARTY(
            "この操作は、現在の手番の当事者の担当者または管理者・責任者のみ行えます。",
            "Only the receiving user or an administrator of the party whose turn it is can do this."),
    /** Signing is for the signer assigned to the party whose turn it is. */
    NOT_ASSIGNED_SIGNER(
            "この契約の現在の署名者に指定されていないため、署名できません。",
            "You are not the signer whose turn it is on this contract."),
    /** An integration application asked for something its approved scopes do not cover. */
    SCOPE_MISSING(
            "この API キーのアプリケーションには、この操作のスコープが承認されていません。必要なスコープで利用申請し直してください。",
            "This API key's application has no approved scope for this. Apply again with the scope it needs."),
    /** Something only the company's people do (passwords, users, approving, signing, logs): never an API key. */
    NOT_FOR_APPLICATIONS(
            "この操作は API キーでは行えません。SiteSign のアプリから利用者として行ってください。",
            "This cannot be done with an API key. Do it as a user in the SiteSign app."),
    /** The organisation seal sends 送付のみ contracts for integration applications, which cannot sign (ADR 34). */
    APPLICATIONS_ONLY(
            "組織の電子印による送付は、承認された連携アプリケーションだけが行えます。利用者が送付する場合は、署名者を指定して署名してください。",
            "Only an approved integration application sends under the organisation seal. As a user, name a signer"
                    + " and sign instead."),
    /** The assigned signer is not bound to a valid signing certificate. */
    NO_SIGNING_AUTHORITY(
            "署名権限がありません。有効な電子証明書の割り当てを自社の管理者に依頼してください。",
            "You have no signing authority. Ask your administrator to bind a valid signing certificate to your account.");

    private final String reasonJa;
    private final String reasonEn;

    Denial(String reasonJa, String reasonEn) {
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
