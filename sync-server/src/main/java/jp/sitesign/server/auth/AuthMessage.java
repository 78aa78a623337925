package jp.sitesign.server.auth;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the login features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum AuthMessage {
    CREDENTIALS_REQUIRED(ErrorCode.INVALID_FIELD, "利用者 ID とパスワードを入力してください。",
            "Please enter your user id and password."),
    PASSWORD_UNCHANGED(ErrorCode.PASSWORD_RULE, "現在と同じパスワードは使用できません。",
            "The new password must differ from the current one."),
    USER_NOT_FOUND(ErrorCode.NOT_FOUND, "利用者 %s は存在しません。",
            "User %s does not exist.");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    AuthMessage(ErrorCode code, String messageJa, String messageEn) {
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
