package jp.sitesign.server.users;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the user features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum UserMessage implements CataloguedMessage {
    REVISION_REQUIRED(ErrorCode.INVALID_FIELD, "revision を指定してください。",
            "revision is required."),
    PASSWORDS_REQUIRED(ErrorCode.INVALID_FIELD, "現在のパスワードと新しいパスワードを入力してください。",
            "Please enter the current and the new password."),
    ROLE_REQUIRED(ErrorCode.INVALID_FIELD, "権限（role）を指定してください。",
            "role is required."),
    REVISION_AND_ROLE_REQUIRED(ErrorCode.INVALID_FIELD, "revision と role を指定してください。",
            "revision and role are required."),
    GRANTED_REQUIRED(ErrorCode.INVALID_FIELD, "granted を指定してください。",
            "granted is required."),
    CERTIFICATE_NUMBER_REQUIRED(ErrorCode.INVALID_FIELD, "署名権限を付与するには、紐付ける電子証明書の管理番号（certificateNumber）を指定してください。",
            "To grant signing authority, name the certificate to bind (certificateNumber)."),
    DELETED_USER_NOT_RESUMABLE(ErrorCode.CONFLICT, "削除された利用者は再開できません。",
            "A deleted user cannot be resumed."),
    USER_NOT_FOUND(ErrorCode.NOT_FOUND, "利用者 %s は見つかりません。",
            "User %s was not found."),
    USER_CHANGED_CONCURRENTLY(ErrorCode.CONFLICT, "他の利用者がこの情報を更新しました。最新の内容を確認してから、もう一度操作してください。",
            "Someone else changed this user. Reload and try again.");

    private final Texts texts;

    UserMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
