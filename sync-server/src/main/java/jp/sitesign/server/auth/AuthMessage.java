package jp.sitesign.server.auth;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the login features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum AuthMessage implements CataloguedMessage {
    CREDENTIALS_REQUIRED(ErrorCode.INVALID_FIELD, "利用者 ID とパスワードを入力してください。",
            "Please enter your user id and password."),
    PASSWORD_UNCHANGED(ErrorCode.PASSWORD_RULE, "現在と同じパスワードは使用できません。",
            "The new password must differ from the current one."),
    USER_NOT_FOUND(ErrorCode.NOT_FOUND, "利用者 %s は存在しません。",
            "User %s does not exist.");

    private final Texts texts;

    AuthMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
