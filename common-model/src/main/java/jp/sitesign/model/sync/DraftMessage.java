package jp.sitesign.model.sync;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * Why a {@link ContractDraft} cannot be read as a contract, in Japanese and English: one constant per thing that
 * went wrong, its error code and both texts in one place, so the REST body and a synced command are refused with
 * the same words and the two languages cannot drift apart. Texts may hold {@code %s} placeholders, filled in
 * order from the arguments of {@link #exception(Object...)}; numbered where the languages take different ones.
 */
enum DraftMessage implements CataloguedMessage {
    CONSTRUCTION_ITEM_TOO_LONG(ErrorCode.INVALID_FIELD, "建設業法19条の記載事項が長すぎます（各 %s 文字まで）。",
            "A construction item is too long (%s characters each)."),
    FORM_MISSING(ErrorCode.INVALID_FIELD, "契約形態（form）を指定してください。", "form is required."),
    COUNTERPARTY_ID_MISSING(ErrorCode.INVALID_FIELD, "取引先の企業 ID（C + 8 桁）を指定してください。",
            "Each counterparty needs a company id (C followed by 8 digits)."),
    /** Arguments: the form's Japanese label, its English label, the most parties. */
    TOO_MANY_PARTIES(ErrorCode.INVALID_FIELD, "「%1$s」の当事者は送付元を含めて %3$s 社までです。",
            "%2$s allows at most %3$s parties, the sender included."),
    SEAL_NOT_SEND_ONLY_SIGNER(ErrorCode.INVALID_FIELD, "組織の電子印（%s）は「送付のみ」の送付元の署名者にだけ指定できます。",
            "The organisation seal (%s) can only be the sender's signer of a send-only contract."),
    PARTY_TWICE(ErrorCode.INVALID_FIELD, "当事者または承認ルートに重複があります。", "A party or an approver appears twice.");

    private final Texts texts;

    DraftMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
