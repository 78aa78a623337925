package jp.sitesign.server.backup;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the backup features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum BackupMessage implements CataloguedMessage {
    KEY_FILE_NOT_FOUND(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ鍵 %s が見つかりません。",
            "The backup key %s was not found."),
    KEY_FILE_MALFORMED(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ鍵 %s の形式が正しくありません。",
            "The backup key %s is malformed."),
    KEY_FILE_WITHOUT_ROOT(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ鍵 %s にルート鍵がありません。",
            "The backup key %s holds no root key."),
    NO_MATCHING_BACKUP(ErrorCode.BACKUP_NOT_FOUND, "%s に該当するバックアップがありません。",
            "No matching backup in %s."),
    NO_COMPANY_DATA(ErrorCode.NOT_FOUND, "企業 %s のデータはありません。",
            "There is no data of company %s."),
    OTHER_BACKUP_KEY(ErrorCode.BACKUP_KEY_UNUSABLE, "バックアップ %s はこのバックアップ鍵で作られていません。作成時の backup.key を指定してください。",
            "Backup %s was not made with this backup key. Name the backup.key it was made with."),
    PART_MISSING(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: %s がありません。",
            "Backup %s: %s is missing."),
    MANIFEST_UNREADABLE(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: manifest.json を読めません。",
            "Backup %s: manifest.json cannot be read."),
    MANIFEST_ALTERED(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: manifest.json が改ざんされています（認証コードが一致しません）。",
            "Backup %s: manifest.json was altered (its authentication code does not match)."),
    ROW_COUNT_MISMATCH(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: %s の行数が %s で、マニフェストの %s と一致しません。",
            "Backup %s: %s holds %s rows, the manifest says %s."),
    PART_ALTERED(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: %s の内容がマニフェストの SHA-256 と一致しません。",
            "Backup %s: %s does not match its SHA-256 in the manifest."),
    PART_UNDECRYPTABLE(ErrorCode.BACKUP_DAMAGED, "バックアップ %s: %s を復号できません（%s）。",
            "Backup %s: %s cannot be decrypted (%s)."),
    FULL_BACKUP_NEEDED(ErrorCode.BACKUP_NOT_FOUND, "復元には完全バックアップと、それを基にした差分バックアップが必要です。",
            "A restore needs a full backup and, optionally, a differential one made from it."),
    TARGET_NOT_EMPTY(ErrorCode.RESTORE_TARGET_NOT_EMPTY, "復元先 %s には既にデータがあります。空のデータフォルダーとデータベースを指定してください。",
            "The restore target %s already holds data. Name an empty data folder and database."),
    RESTORED_CHAIN_BROKEN(ErrorCode.BACKUP_DAMAGED, "復元した監査ログの連鎖が壊れています: %s",
            "The restored audit log's chain is broken: %s");

    private final Texts texts;

    BackupMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
