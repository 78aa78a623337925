package jp.sitesign.server.storage;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * What the storage features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out.
 */
enum StorageMessage {
    WRONG_MASTER_KEY(ErrorCode.INTERNAL, "%s はこのデータフォルダのデータベースを開けません。このフォルダで使っていた master.key（と purpose.keys）を戻してください。",
            "%s does not open this data folder's database. Put back the master.key (and purpose.keys) this folder was used with.");

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    StorageMessage(ErrorCode code, String messageJa, String messageEn) {
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
