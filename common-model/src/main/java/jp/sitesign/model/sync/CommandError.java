package jp.sitesign.model.sync;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Why a pushed command cannot even be read as a command, in Japanese and English, shaped like
 * {@code SigningError}: the command lacks a field its type needs or carries one its type has no use for.
 * Texts take the field's name ({@code %1$s}) and the command's type ({@code %2$s}). Whether the command may
 * be applied is decided later, by the policy and the lifecycle; these are only about its shape.
 */
enum CommandError {
    ID_AND_TYPE_REQUIRED("各コマンドには id と type が必要です。", "Every command needs an id and a type."),
    FIELD_REQUIRED("%2$s コマンドには項目「%1$s」が必要です。指定して送り直してください。",
            "A %2$s command needs the field \"%1$s\". Send it again with that field."),
    FIELD_NOT_ALLOWED("項目「%1$s」は %2$s コマンドには使えません。外して送り直してください。",
            "The field \"%1$s\" does not belong to a %2$s command. Send it again without it."),
    MAIN_DOCUMENT_NAMED("本文の PDF には名前（documentName）を付けられません。添付書類なら documentKind を ATTACHMENT にしてください。",
            "The main PDF takes no documentName. For an attachment, set documentKind to ATTACHMENT.");

    private final String messageJa;
    private final String messageEn;

    CommandError(String messageJa, String messageEn) {
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    /** The refusal, a field error (400 on the server), with {@code args} filled in. */
    SiteSignException exception(Object... args) {
        return new SiteSignException(ErrorCode.INVALID_FIELD, String.format(messageJa, args),
                String.format(messageEn, args));
    }

    /** {@code value} itself, or a {@link #FIELD_REQUIRED} refusal naming {@code field} when it is null. */
    static <T> T required(T value, String field, CommandType type) {
        if (value == null) {
            throw FIELD_REQUIRED.exception(field, type);
        }
        return value;
    }
}
