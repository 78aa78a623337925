package jp.sitesign.server.http;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the HTTP layer's features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum HttpMessage {
    BODY_NOT_RECEIVED(ErrorCode.BAD_REQUEST, "リクエストの本文を受信できませんでした。",
            "The request body could not be received."),
    BODY_TOO_LARGE(ErrorCode.PAYLOAD_TOO_LARGE, "送信されたデータが大きすぎます（上限 %s バイト）。",
            "The request body is too large (limit %s bytes)."),
    PARAMETER_INVALID(ErrorCode.INVALID_FIELD, "パラメータ「%1$s」は%2$sで指定してください。",
            "Parameter \"%1$s\" must be %3$s.");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    HttpMessage(ErrorCode code, String messageJa, String messageEn) {
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
