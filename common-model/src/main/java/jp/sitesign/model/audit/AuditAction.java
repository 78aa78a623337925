package jp.sitesign.model.audit;

/**
 * What an audit event records. Login-log actions and operation-log actions share one chain; the
 * {@link #isLogin()} flag separates them for display and export.
 */
public enum AuditAction {
    LOGIN(true, "ログイン", "Login"),
    LOGIN_FAILED(true, "ログイン失敗", "Failed login"),
    ACCOUNT_LOCKED(true, "アカウントロック", "Account locked"),
    LOGOUT(true, "ログアウト", "Logout"),
    PASSWORD_CHANGED(false, "パスワード変更", "Password changed"),
    PASSWORD_RESET(false, "パスワード再発行", "Password reset"),
    PROFILE_UPDATED(false, "本人情報変更", "Own profile updated"),
    USER_REGISTERED(false, "利用者登録", "User registered"),
    USER_UPDATED(false, "利用者情報変更", "User updated"),
    USER_SUSPENDED(false, "利用停止", "User suspended"),
    USER_RESUMED(false, "利用再開", "User resumed"),
    USER_DELETED(false, "利用者削除", "User deleted"),
    SIGNING_AUTHORITY_CHANGED(false, "署名権限変更", "Signing authority changed"),
    CERTIFICATE_REGISTERED(false, "電子証明書登録", "Signing certificate registered"),
    CERTIFICATE_APPLIED(false, "電子証明書追加申請", "Additional signing certificate applied for"),
    CERTIFICATE_ISSUED(false, "電子証明書発行", "Signing certificate issued"),
    CERTIFICATE_REVOKED(false, "電子証明書失効", "Signing certificate revoked"),
    COMPANY_CREATED(false, "企業登録", "Company created"),
    COMPANY_TERMINATED(false, "利用契約終了", "Company terminated"),
    NOTICE_PUBLISHED(false, "お知らせ公開", "Notice published"),
    PARTNERSHIP_INVITATION_ISSUED(false, "取引先招待コード発行", "Partnership invitation issued"),
    PARTNERSHIP_PROPOSED(false, "取引先登録申請", "Partnership proposed"),
    CONSENT_GIVEN(false, "電子契約の承諾", "Consent to electronic contracting given"),
    CONSENT_WITHDRAWN(false, "電子契約の承諾撤回", "Consent to electronic contracting withdrawn"),
    CONTRACT_CREATED(false, "案件作成", "Contract created"),
    CONTRACT_UPDATED(false, "案件編集", "Contract edited"),
    DOCUMENT_ATTACHED(false, "文書添付", "Document attached"),
    ATTACHMENT_REMOVED(false, "添付書類削除", "Attachment removed"),
    CONTRACT_AMENDED(false, "変更契約作成", "Change contract started"),
    CONTRACT_SUBMITTED(false, "申請", "Contract submitted"),
    CONTRACT_APPROVED(false, "承認", "Contract approved"),
    CONTRACT_RETURNED(false, "差戻し", "Contract returned"),
    PARTY_ROUTE_SET(false, "承認ルート設定", "Party route set"),
    CONTRACT_SIGNED(false, "署名", "Contract signed"),
    RECEIPT_ACKNOWLEDGED(false, "受領確認", "Receipt acknowledged"),
    /** A 送付のみ contract sealed with the server's organisation seal for its sender and sent (ADR 34). */
    CONTRACT_SEALED(false, "組織の電子印による封印・送付", "Sealed with the organisation seal and sent"),
    CONTRACT_WITHDRAWN(false, "取消", "Contract withdrawn"),
    CONTRACT_DECLINED(false, "辞退", "Contract declined"),
    CONTRACT_EXPIRED(false, "期限切れ", "Contract expired"),
    CONTRACT_DELETED(false, "下書き削除", "Draft deleted"),
    ARCHIVE_TIMESTAMP_RENEWED(false, "アーカイブタイムスタンプ更新", "Archive timestamp renewed"),
    CONTRACTS_EXPORTED(false, "案件出力", "Contracts exported"),
    AUDIT_EXPORTED(false, "ログ出力", "Log exported"),
    ACCESS_DENIED(false, "操作拒否", "Access denied"),
    RETENTION_CHANGED(false, "保存期間変更", "Retention period changed"),
    LEGAL_HOLD_SET(false, "訴訟ホールド設定", "Legal hold set"),
    LEGAL_HOLD_LIFTED(false, "訴訟ホールド解除", "Legal hold lifted"),
    CONTRACT_PURGED(false, "保存期間満了による削除", "Contract purged after its retention period"),
    CONTRACT_CUSTODY_TRANSFERRED(false, "契約の保管先移管", "Contract custody transferred"),
    COMPANY_PURGED(false, "企業データ削除", "Company data purged"),
    COMPANY_EXPORTED(false, "企業データ書き出し", "Company data exported"),
    BACKUP_CREATED(false, "バックアップ作成", "Backup created"),
    BACKUP_FAILED(false, "バックアップ失敗", "Backup failed"),
    BACKUP_RESTORED(false, "バックアップから復元", "Restored from a backup"),
    DOCUMENT_OPENED(false, "文書の閲覧・ダウンロード", "Document opened or downloaded"),
    AUDIT_ANCHORED(false, "監査ログのタイムスタンプ", "Audit log timestamped"),
    AUDIT_ANCHOR_FAILED(false, "監査ログのタイムスタンプ失敗", "Audit log timestamp failed"),
    API_APPLICATION_APPLIED(false, "API 利用申請", "API use applied for"),
    API_APPLICATION_REVIEWED(false, "API 利用申請の審査", "API application reviewed"),
    API_KEY_ISSUED(false, "API キー発行", "API key issued"),
    API_CALL_REFUSED(false, "API 呼び出し拒否", "API call refused"),
    API_WEBHOOK_REGISTERED(false, "Webhook 登録", "Webhook registered"),
    AUDIT_CUT(false, "保存期間を過ぎた監査ログの削除", "Audit events past retention removed"),
    CLOCK_SKEW(false, "サーバー時刻のずれ", "Server clock skew"),
    MASTER_KEY_ROTATED(false, "マスター鍵の更新", "Master key rotated"),
    MASTER_KEY_RETIRED(false, "旧マスター鍵の廃棄", "Previous master key retired"),
    COMPANY_KEY_ROTATED(false, "企業データ鍵の更新", "Company data key rotated");

    private final boolean login;
    private final String labelJa;
    private final String labelEn;

    AuditAction(boolean login, String labelJa, String labelEn) {
        this.login = login;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** True for the login log (ログイン履歴), false for the operation log (操作履歴). */
    public boolean isLogin() {
        return login;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
