package jp.sitesign.model.contract;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the contract field checks and the contract search say when a value cannot be taken, in Japanese and
 * English: one constant per thing that went wrong, its error code and both texts in one place, so a wording is
 * changed once and the two languages cannot drift apart (named apart from the server's {@code ContractMessage},
 * which says what the contract endpoints refuse). The {@code FIELD_*} constants are labels (no code): a field's
 * name in each language, filled into {@link #FIELD_TOO_LONG} and {@link #FIELD_CONTROL_CHARACTERS} through
 * numbered placeholders, Japanese first.
 */
enum ContractFieldMessage implements CataloguedMessage {
    FIELD_TITLE(null, "契約文書名称", "The title"),
    FIELD_MANAGEMENT_NUMBER(null, "文書管理番号", "The management number"),
    FIELD_NOTE(null, "備考", "The note"),
    TITLE_MISSING(ErrorCode.INVALID_FIELD, "契約文書名称を入力してください。", "The title is required."),
    AMOUNT_NEGATIVE(ErrorCode.INVALID_FIELD, "取引金額は 0 以上で入力してください。", "The amount must not be negative."),
    FIELD_TOO_LONG(ErrorCode.INVALID_FIELD, "%1$sは %3$s 文字以内で入力してください。",
            "%2$s must be at most %3$s characters."),
    FIELD_CONTROL_CHARACTERS(ErrorCode.INVALID_FIELD, "%1$sに制御文字は使えません。",
            "%2$s must not contain control characters."),
    OFFSET_NEGATIVE(ErrorCode.INVALID_FIELD, "パラメータ「offset」は0 以上の整数で指定してください。",
            "Parameter \"offset\" must be a whole number of 0 or more."),
    LIMIT_NOT_POSITIVE(ErrorCode.INVALID_FIELD, "パラメータ「limit」は1 以上の整数で指定してください。",
            "Parameter \"limit\" must be a whole number of 1 or more.");

    private final Texts texts;

    ContractFieldMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
