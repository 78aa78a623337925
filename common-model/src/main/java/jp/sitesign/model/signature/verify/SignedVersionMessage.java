package jp.sitesign.model.signature.verify;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * Why {@link SignedVersionCheck} refuses a newly signed version, in Japanese and English: one constant per thing
 * that went wrong, its error code and both texts in one place, so the server and the desktop app refuse with the
 * same words and the two languages cannot drift apart. Where each language takes its own argument (a list of
 * changes in that language) the placeholders are numbered, Japanese first.
 */
enum SignedVersionMessage implements CataloguedMessage {
    NOT_AN_INCREMENTAL_UPDATE(ErrorCode.INVALID_SIGNATURE,
            "署名済みの文書は、現在の版に追記（増分更新）したものでなければなりません。",
            "The signed document must extend the current version by incremental update."),
    NOT_ONE_UPDATE(ErrorCode.INVALID_SIGNATURE,
            "署名済みの文書は、現在の版に署名の追記（増分更新）を 1 回だけ加えたものでなければなりません。",
            "The signed document must be the current version plus exactly one incremental update, the signature's."),
    NOT_ONE_SIGNATURE_ADDED(ErrorCode.INVALID_SIGNATURE, "署名がちょうど 1 つ追加されていなければなりません。",
            "Exactly one signature must be added."),
    SIGNATURE_NOT_COVERING(ErrorCode.INVALID_SIGNATURE,
            "新しい署名が文書全体を覆っていません（署名の後にデータが追加されています）。署名した PDF をそのままアップロードしてください。",
            "The new signature does not cover the whole document (data follows it). Upload the PDF exactly as it was signed."),
    CANNOT_VERIFY(ErrorCode.INVALID_SIGNATURE, "PDF を検証できません。", "The PDF cannot be verified."),
    /** Arguments: the changes listed in Japanese, then in English. */
    OTHER_CHANGES(ErrorCode.INVALID_SIGNATURE, "署名の追記に、署名以外の変更が含まれています。\n%1$s",
            "The update that adds the signature changes other things too.\n%2$s");

    private final Texts texts;

    SignedVersionMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
