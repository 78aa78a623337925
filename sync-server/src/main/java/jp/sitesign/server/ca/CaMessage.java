package jp.sitesign.server.ca;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the certification authority features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum CaMessage implements CataloguedMessage {
    TIMESTAMP_REQUEST_UNREADABLE(ErrorCode.BAD_REQUEST, "タイムスタンプ要求（RFC 3161）として読み取れません。",
            "This is not an RFC 3161 time-stamp request.");

    private final Texts texts;

    CaMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
