package jp.sitesign.server.backup;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the backup features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum BackupMessage {
    BACKUP_KEY_UNUSABLE(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ鍵 %1$s が%2$s。",
            "The backup key %1$s %3$s."),
    NO_MATCHING_BACKUP(ErrorCode.BACKUP_NOT_FOUND, "%s に該当するバックアップがありません。",
            "No matching backup in %s."),
    NO_COMPANY_DATA(ErrorCode.NOT_FOUND, "企業 %s のデータはありません。",
            "There is no data of company %s."),
    OTHER_BACKUP_KEY(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ %s はこのバックアップ鍵で作られていません。作成時の backup.key を指定してください。",
            "Backup %s was not made with this backup key. Name the backup.key it was made with."),
    BACKUP_UNREADABLE(ErrorCode.BACKUP_DAMAGED, "バックアップ %1$s: %2$s。",
            "Backup %1$s: %3$s."),
    FULL_BACKUP_NEEDED(ErrorCode.BACKUP_NOT_FOUND, "復元には完全バックアップと、それを基にした差分バックアップが必要です。",
            "A restore needs a full backup and, optionally, a differential one made from it."),
    TARGET_NOT_EMPTY(ErrorCode.RESTORE_TARGET_NOT_EMPTY, "復元先 %s には既にデータがあります。空のデータフォルダーとデータベースを指定してください。",
            "The restore target %s already holds data. Name an empty data folder and database."),
    RESTORED_CHAIN_BROKEN(ErrorCode.BACKUP_DAMAGED, "復元した監査ログの連鎖が壊れています: %s",
            "The restored audit log's chain is broken: %s");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    BackupMessage(ErrorCode code, String messageJa, String messageEn) {
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
