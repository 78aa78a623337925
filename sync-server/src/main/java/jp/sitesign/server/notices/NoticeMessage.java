package jp.sitesign.server.notices;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the notice features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum NoticeMessage {
    TITLE_LENGTH(ErrorCode.INVALID_FIELD, "件名は 1〜200 文字で入力してください。",
            "The title must be 1 to 200 characters."),
    BODY_LENGTH(ErrorCode.INVALID_FIELD, "本文は 1〜10000 文字で入力してください。",
            "The body must be 1 to 10000 characters.");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    NoticeMessage(ErrorCode code, String messageJa, String messageEn) {
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
