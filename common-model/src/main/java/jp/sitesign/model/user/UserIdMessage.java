package jp.sitesign.model.user;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/** Why a request's user id cannot be read, in Japanese and English: the one wording for every field that names one. */
enum UserIdMessage implements CataloguedMessage {
    /** Argument: the field's name. */
    MALFORMED(ErrorCode.INVALID_FIELD, "パラメータ「%s」はU + 8 桁の数字で指定してください。",
            "Parameter \"%s\" must be U followed by 8 digits.");

    private final Texts texts;

    UserIdMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
