package jp.sitesign.server.keys;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the key features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum KeyMessage implements CataloguedMessage {
    COMPANY_NOT_FOUND(ErrorCode.NOT_FOUND, "企業 %s は登録されていません。",
            "There is no company %s."),
    ROTATION_UNFINISHED(ErrorCode.CONFLICT, "前回のマスター鍵更新が完了していません（旧鍵 %s が残っています）。--new-key を付けずに keys rotate-master を再実行して完了させ、keys retire-master の後で新しい鍵に更新してください。",
            "The last master key rotation is not finished (previous key %s is still kept). Run keys rotate-master without --new-key to finish it, and keys retire-master, before rotating to another key."),
    NO_PREVIOUS_MASTER_KEY(ErrorCode.CONFLICT, "廃棄する旧マスター鍵はありません（keys status で確認できます）。",
            "There is no previous master key to retire (see keys status)."),
    KEYS_UNDER_PREVIOUS(ErrorCode.CONFLICT, "%s 社の企業鍵がまだ旧マスター鍵 %s で保護されています。keys rotate-master を再実行して更新を完了させてから廃棄してください。",
            "%s company keys are still wrapped by the previous master key %s. Run keys rotate-master again to finish the rotation, then retire it."),
    NO_BACKUP_SINCE_ROTATION(ErrorCode.CONFLICT, "マスター鍵の更新後のデータバックアップが %s にありません。backup create を実行してから旧マスター鍵を廃棄してください。",
            "There is no data backup in %s taken since the master key was rotated. Run backup create, then retire the previous key."),
    KEYS_UNDER_UNKNOWN_MASTER(ErrorCode.CONFLICT, "%s 社の企業鍵（%s など）がこのデータフォルダのどのマスター鍵でも開けません。master.key が誤っていないか、鍵を更新したサーバーから master.key・master.previous.key・purpose.keys を写したか確認してください。",
            "%s company keys (%s first) open under none of this data folder's master keys. Check that master.key is the right file, or copy master.key, master.previous.key and purpose.keys from the server where the key was rotated.");

    private final Texts texts;

    KeyMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
