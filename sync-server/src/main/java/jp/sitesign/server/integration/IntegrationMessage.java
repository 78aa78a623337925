package jp.sitesign.server.integration;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the API-use applications and webhooks say to a company's admin or the operator, in Japanese and
 * English, shaped like {@code SigningError}: one constant per thing that went wrong with its error code and
 * both texts, so a wording is changed once and the languages cannot drift apart. The field labels the
 * length check names ({@link #APPLICATION_NAME} …) are catalogued here too, without a code. Texts may hold
 * {@code %s} placeholders, filled from the arguments of {@link #exception(Object...)}.
 */
enum IntegrationMessage implements CataloguedMessage {
    APPLICATION_NAME(null, "アプリケーション名", "the application's name"),
    PURPOSE(null, "利用目的", "the purpose"),
    CONTACT(null, "連絡先", "the contact"),
    /** Args: the field's label in Japanese, in English, the field's name, the most characters. */
    TEXT_LENGTH(ErrorCode.INVALID_FIELD, "%1$s（%3$s）を 1〜%4$s 文字で入力してください。",
            "Enter %2$s (%3$s) in 1 to %4$s characters."),
    REASON_REQUIRED(ErrorCode.INVALID_FIELD, "理由（--reason）を入力してください。", "Give the reason (--reason)."),
    /** Args: the status in Japanese, in English (lower case), the review step (lower case). */
    REVIEW_NOT_ALLOWED(ErrorCode.CONFLICT, "「%1$s」のアプリケーションには %3$s を行えません。",
            "An application that is %2$s cannot be %3$sd."),
    SCOPES_REQUIRED(ErrorCode.INVALID_FIELD, "スコープ（scopes）を 1 つ以上指定してください。",
            "Name at least one scope (scopes)."),
    UNKNOWN_SCOPE(ErrorCode.INVALID_FIELD,
            "スコープ「%s」はありません。使えるのは contracts:read, contracts:write, documents:read, export, users:read です。",
            "There is no scope \"%s\". Use contracts:read, contracts:write, documents:read, export or users:read."),
    APPLICATION_NOT_FOUND(ErrorCode.NOT_FOUND, "API 利用申請が見つかりません。", "No such API application."),
    WEBHOOK_URL_NOT_HTTPS(ErrorCode.INVALID_FIELD, "url は https:// で始まる URL で指定してください。",
            "url must be an https:// URL."),
    EVENTS_REQUIRED(ErrorCode.INVALID_FIELD, "events を 1 つ以上指定してください。", "Name at least one event."),
    UNKNOWN_EVENT(ErrorCode.INVALID_FIELD, "イベント「%s」はありません。", "There is no event \"%s\".");

    private final Texts texts;

    IntegrationMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
