package jp.sitesign.server.certificates;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the certificate features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum CertificateMessage implements CataloguedMessage {
    HOLDER_NAME_LENGTH(ErrorCode.INVALID_FIELD, "名義人の氏名を 1〜%s 文字で入力してください。",
            "Enter the holder's name in 1 to %s characters."),
    REASON_LENGTH(ErrorCode.INVALID_FIELD, "申請理由を 1〜%s 文字で入力してください。",
            "Enter the reason in 1 to %s characters."),
    DEPARTMENT_TOO_LONG(ErrorCode.INVALID_FIELD, "部署は %s 文字以内で入力してください。",
            "Enter the department in at most %s characters."),
    TITLE_TOO_LONG(ErrorCode.INVALID_FIELD, "役職は %s 文字以内で入力してください。",
            "Enter the title in at most %s characters."),
    EMAIL_TOO_LONG(ErrorCode.INVALID_FIELD, "メールアドレスは %s 文字以内で入力してください。",
            "Enter the email in at most %s characters."),
    EXPIRED(ErrorCode.INVALID_FIELD, "この証明書は有効期限が切れています。有効な証明書を登録してください。",
            "This certificate has expired. Register a valid one."),
    ORGANIZATION_MISMATCH(ErrorCode.INVALID_FIELD,
            "証明書の組織名（O）「%s」が企業名「%s」と一致しません。自社の電子証明書を登録してください。",
            "The certificate's organisation (O) \"%s\" is not the company's name \"%s\". Register a certificate of"
                    + " your own company."),
    CA_CERTIFICATE(ErrorCode.INVALID_FIELD, "認証局（CA）の証明書は登録できません。署名用の電子証明書を登録してください。",
            "A CA certificate cannot be registered. Register the signing certificate itself."),
    NOT_FOR_SIGNING(ErrorCode.INVALID_FIELD,
            "この証明書は署名に使えません（鍵用途に digitalSignature / nonRepudiation がありません）。",
            "This certificate is not for signing (its key usage has neither digitalSignature nor nonRepudiation)."),
    CERTIFICATE_UNREADABLE(ErrorCode.INVALID_FIELD, "X.509 証明書（PEM または DER）として読み取れません。証明書ファイルを確認してください。",
            "This is not a readable X.509 certificate (PEM or DER): %1$s"),
    NUMBER_MALFORMED(ErrorCode.INVALID_FIELD, "証明書管理番号は JC- と 8 桁以上の数字です: %s",
            "A certificate management number is JC- followed by at least 8 digits: %s"),
    DEMO_CA_DISABLED(ErrorCode.CONFLICT, "デモ認証局は無効です（demo-ca.enabled）。実際の認証局の証明書を cert import で登録してください。",
            "The demo CA is disabled (demo-ca.enabled). Import a certificate from a real CA with cert import."),
    CERTIFICATE_NOT_FOUND(ErrorCode.NOT_FOUND, "証明書 %s は見つかりません。",
            "Certificate %s was not found."),
    ALREADY_REVOKED(ErrorCode.CONFLICT, "証明書 %s は既に失効しています。",
            "Certificate %s is already revoked."),
    APPLICATION_NOT_FOUND(ErrorCode.NOT_FOUND, "申請 %s は見つかりません。",
            "Application %s was not found."),
    APPLICATION_FULFILLED(ErrorCode.CONFLICT, "申請 %s は既に対応済みです。",
            "Application %s has already been fulfilled."),
    ALREADY_REGISTERED(ErrorCode.CONFLICT, "この証明書は既に登録されています。",
            "This certificate is already registered."),
    CSR_UNREADABLE(ErrorCode.INVALID_FIELD, "証明書署名要求（CSR, PEM 形式の PKCS#10）として読み取れません。",
            "The certificate signing request (PEM PKCS#10) cannot be used: %1$s"),
    USER_ID_REQUIRED(ErrorCode.INVALID_FIELD, "紐付ける利用者の userId を指定してください。",
            "userId of the user to bind is required."),
    APPLICATION_EMPTY(ErrorCode.INVALID_FIELD, "申請内容を入力してください。",
            "The application is empty."),
    NOT_BINDABLE(ErrorCode.CONFLICT, "証明書 %1$s は%2$sのため、紐付けできません。",
            "Certificate %1$s is %3$s and cannot be bound."),
    DELETED_USER_NOT_BINDABLE(ErrorCode.CONFLICT, "削除された利用者には紐付けできません。",
            "A deleted user cannot be bound to a certificate."),
    USER_NOT_BOUND(ErrorCode.CONFLICT, "利用者 %s は証明書 %s に紐付けられていません。",
            "User %s is not bound to certificate %s."),
    USER_NOT_FOUND(ErrorCode.NOT_FOUND, "利用者 %s は見つかりません。",
            "User %s was not found."),
    USER_CHANGED_CONCURRENTLY(ErrorCode.CONFLICT, "他の利用者が同時にこの利用者を更新しました。もう一度操作してください。",
            "Someone else changed this user at the same time. Try again.");

    private final Texts texts;

    CertificateMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
