package jp.sitesign.server.storage;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the storage features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum StorageMessage implements CataloguedMessage {
    WRONG_MASTER_KEY(ErrorCode.INTERNAL, "%s はこのデータフォルダのデータベースを開けません。このフォルダで使っていた master.key（と purpose.keys）を戻してください。",
            "%s does not open this data folder's database. Put back the master.key (and purpose.keys) this folder was used with.");

    private final Texts texts;

    StorageMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
