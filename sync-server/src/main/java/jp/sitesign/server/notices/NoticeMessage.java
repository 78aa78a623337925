package jp.sitesign.server.notices;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the notice features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum NoticeMessage implements CataloguedMessage {
    TITLE_LENGTH(ErrorCode.INVALID_FIELD, "件名は 1〜200 文字で入力してください。",
            "The title must be 1 to 200 characters."),
    BODY_LENGTH(ErrorCode.INVALID_FIELD, "本文は 1〜10000 文字で入力してください。",
            "The body must be 1 to 10000 characters.");

    private final Texts texts;

    NoticeMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
