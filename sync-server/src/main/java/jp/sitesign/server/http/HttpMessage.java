package jp.sitesign.server.http;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the HTTP layer's features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum HttpMessage implements CataloguedMessage {
    BODY_NOT_RECEIVED(ErrorCode.BAD_REQUEST, "リクエストの本文を受信できませんでした。",
            "The request body could not be received."),
    BODY_TOO_LARGE(ErrorCode.PAYLOAD_TOO_LARGE, "送信されたデータが大きすぎます（上限 %s バイト）。",
            "The request body is too large (limit %s bytes)."),
    PARAMETER_NOT_IN_RANGE(ErrorCode.INVALID_FIELD, "パラメータ「%s」は%s〜%s の整数で指定してください。",
            "Parameter \"%s\" must be a whole number from %s to %s."),
    PARAMETER_NOT_LISTED(ErrorCode.INVALID_FIELD, "パラメータ「%s」は次のいずれか: %sで指定してください。",
            "Parameter \"%s\" must be one of %s."),
    PARAMETER_NOT_A_DATE(ErrorCode.INVALID_FIELD, "パラメータ「%s」はYYYY-MM-DD 形式の日付で指定してください。",
            "Parameter \"%s\" must be a date as YYYY-MM-DD."),
    UNKNOWN_FIELD(ErrorCode.UNKNOWN_FIELD, "不明な項目「%s」が含まれています。",
            "Unknown field \"%s\"."),
    FIELD_MALFORMED(ErrorCode.INVALID_FIELD, "項目「%s」の値の型または形式が正しくありません。",
            "Field \"%s\" has a value of the wrong type or format."),
    /** An unexpected failure's generic text ({@code %1$s}) with the incident id ({@code %2$s}) the log names. */
    INCIDENT(ErrorCode.INTERNAL, "%s（問い合わせ番号: %s）",
            "%s (incident %s)");

    private final Texts texts;

    HttpMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
