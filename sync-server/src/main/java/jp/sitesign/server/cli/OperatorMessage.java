package jp.sitesign.server.cli;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the operator CLI features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s. Lines the CLI prints carry no {@link ErrorCode} and are printed with
 * {@link #line}, as "日本語 / English".
 */
enum OperatorMessage implements CataloguedMessage {
    CERTIFICATE_FILE_UNREADABLE(ErrorCode.NOT_FOUND, "証明書ファイルを読み込めません: %s",
            "Cannot read the certificate file: %s"),
    COMPANY_ID_MALFORMED(ErrorCode.INVALID_FIELD, "企業 ID は C + 8 桁の数字です: %s",
            "A company id is C followed by 8 digits: %s"),
    USER_ID_MALFORMED(ErrorCode.INVALID_FIELD, "利用者 ID は U + 8 桁の数字です: %s",
            "A user id is U followed by 8 digits: %s"),
    BATCH_OPTIONS_INVALID(ErrorCode.INVALID_FIELD, "--batch-size は 1 以上、--pause-ms は 0 以上です。",
            "--batch-size must be at least 1 and --pause-ms at least 0."),
    NEW_KEY_UNREADABLE(ErrorCode.INVALID_FIELD, "新しい鍵のファイル %s を読めないか、Base64 の 256 ビット鍵ではありません。",
            "The new key file %s cannot be read or does not hold a 256-bit key in Base64."),

    // Printed lines (no ErrorCode): a Japanese heading, then the English sentence that carries the details.
    BACKUP_CREATED(null, "バックアップを作成しました", "Backup created: %s (%s, %s bytes)"),
    NO_BACKUPS(null, "バックアップはありません", "No backups in %s"),
    NO_BACKUPS_TO_VERIFY(null, "バックアップがありません", "No backups in %s"),
    RESTORED(null, "復元しました", "Restored: %s (%s), %s rows, into %s%s"),
    NEW_MASTER_KEY(null, "新しいマスター鍵",
            "new master key: %s  — back it up; every user logs in again and every device syncs again."),
    PURGED_AFTER_BACKUP(null, "注意",
            "Note: company %s was purged after this backup: its content stays unreadable and the purge removes it."),
    EXPORTED(null, "書き出しました", "Exported: %s"),
    EXPORT_KEY_ID(null, "鍵 ID", "key id:  %s"),
    EXPORT_KEY(null, "鍵", "key:        %s"),
    HAND_KEY_APART(null, "鍵はフォルダーとは別の経路でお客様にお渡しください",
            "Hand the key to the customer apart from the folder."),
    NO_TSA(null, "TSA が設定されていません（tsa.url）。", "No TSA is configured (tsa.url)."),
    AUDIT_LOG_BROKEN(null, "監査ログが改ざんされています", "Audit log is broken: %s"),
    /** Printed as two lines, each language with the check's own reason in that language. */
    ANCHOR_CHECK_FAILED(null, "監査ログのタイムスタンプ検証に失敗しました: %s", "Audit anchor check failed: %s");

    private final Texts texts;

    OperatorMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }

    /** A printed line: the Japanese, a slash, and the English with {@code args} filled in. */
    String line(Object... args) {
        return ja() + " / " + en(args);
    }

    /** Whether this is a printed line rather than a refusal. */
    boolean printed() {
        return code() == null;
    }
}
