package jp.sitesign.server.sync;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the sync endpoints say when a push, pull or upload cannot be taken, in Japanese and English, shaped
 * like {@code SigningError}: one constant per thing that went wrong, its error code and both texts in one
 * place, so a wording is changed once and the two languages cannot drift apart. Texts may hold {@code %s}
 * placeholders, filled in order from the arguments of {@link #exception(Object...)}.
 */
enum SyncMessage implements CataloguedMessage {
    COMMANDS_REQUIRED(ErrorCode.INVALID_FIELD, "commands を指定してください。", "commands is required."),
    LAST_NOT_BOOLEAN(ErrorCode.INVALID_FIELD, "パラメータ「last」は true か false で指定してください。",
            "Parameter \"last\" must be true or false."),
    PARAMETER_NOT_COUNT(ErrorCode.INVALID_FIELD, "パラメータ「%s」は 0 以上の整数で指定してください。",
            "Parameter \"%s\" must be a whole number, 0 or more."),
    SINCE_NEGATIVE(ErrorCode.INVALID_FIELD, "since は 0 以上で指定してください。", "since must be 0 or more."),
    COMMAND_COUNT(ErrorCode.INVALID_FIELD, "コマンドは 1 回に 1〜%s 件送ってください。",
            "Send 1 to %s commands at a time."),
    COMMAND_ID_TAKEN(ErrorCode.INVALID_FIELD, "このコマンド ID は既に使われています。新しい ID で送ってください。",
            "This command id has been used already. Send the command with a new id."),
    RANGE_NOT_SATISFIABLE(ErrorCode.INVALID_FIELD, "指定された範囲（%s）は文書の大きさ %s バイトに合いません。",
            "The range %s does not fit the document's %s bytes."),
    UPLOAD_OFFSET(ErrorCode.CONFLICT, "アップロードの続きは %s バイト目からです。", "The upload continues at byte %s."),
    DOCUMENT_TOO_LARGE(ErrorCode.INVALID_DOCUMENT, "PDF が大きすぎます（上限 %s MB）。",
            "The PDF is too large (limit %s MB)."),
    UPLOAD_HASH_MISMATCH(ErrorCode.INVALID_DOCUMENT,
            "アップロードされた内容の SHA-256 が %s と一致しません。最初からアップロードし直してください。",
            "The uploaded bytes do not have SHA-256 %s. Upload the document again from the start."),
    TOO_MANY_UPLOADS(ErrorCode.TOO_MANY_UPLOADS,
            "完了していないアップロードが上限（%s 件）に達しています。アップロード中の文書を完了させるか、しばらくしてからお試しください。",
            "You already have %s unfinished uploads, the most allowed. Finish the uploads under way, or try again later."),
    UPLOAD_QUOTA(ErrorCode.UPLOAD_QUOTA,
            "完了していないアップロードの合計が上限（%s MB）を超えます。アップロード中の文書を完了させるか、しばらくしてからお試しください。",
            "Your unfinished uploads would exceed their total limit of %s MB. Finish the uploads under way, or try again later."),
    UPLOAD_INCOMPLETE(ErrorCode.INVALID_DOCUMENT, "文書 %s のアップロードが完了していません。先にアップロードしてください。",
            "Document %s has not been uploaded completely. Upload it first."),
    SHA256_MALFORMED(ErrorCode.INVALID_FIELD, "SHA-256 は 64 桁の 16 進小文字で指定してください。",
            "A SHA-256 is 64 lower-case hexadecimal digits.");

    private final Texts texts;

    SyncMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
