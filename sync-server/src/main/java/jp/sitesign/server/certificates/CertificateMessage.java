package jp.sitesign.server.certificates;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the certificate features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum CertificateMessage {
    FIELD_LENGTH(ErrorCode.INVALID_FIELD, "%1$sを 1〜%2$s 文字で入力してください。",
            "Enter %3$s in 1 to %2$s characters."),
    FIELD_TOO_LONG(ErrorCode.INVALID_FIELD, "%1$sは %2$s 文字以内で入力してください。",
            "Enter %3$s in at most %2$s characters."),
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

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    CertificateMessage(ErrorCode code, String messageJa, String messageEn) {
        this.code = code;
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    /** The refusal with {@code args} filled into both texts. */
    SiteSignException exception(Object... args) {
        return new SiteSignException(code, String.format(messageJa, args), String.format(messageEn, args));
    }

    /** The Japanese text, unfilled; for the catalogue's own test. */
    String messageJa() {
        return messageJa;
    }

    /** The English text, unfilled; for the catalogue's own test. */
    String messageEn() {
        return messageEn;
    }
}
