package jp.sitesign.server.seal;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * Why the server's seal could not be used or applied, in Japanese and English, shaped like {@code SigningError}:
 * one constant per failure with its error code and both texts. Each text ends in the detail: the signing
 * engine's own message in each language ({@code %1$s} Japanese, {@code %2$s} English), or the technical cause.
 */
enum SealMessage implements CataloguedMessage {
    SEALING_FAILED(ErrorCode.INTERNAL, "サーバーの電子印による封印に失敗しました: %1$s",
            "Sealing with the server's seal failed: %2$s"),
    KEY_UNUSABLE(ErrorCode.INTERNAL, "サーバーの封印用の鍵（seal.keystore）を使えません: %s",
            "The server's seal key (seal.keystore) cannot be used: %s");

    private final Texts texts;

    SealMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
