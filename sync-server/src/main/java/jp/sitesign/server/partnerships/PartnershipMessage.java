package jp.sitesign.server.partnerships;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the partnership features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum PartnershipMessage implements CataloguedMessage {
    TOO_MANY_PROPOSALS(ErrorCode.TOO_MANY_PROPOSALS, "取引先登録の申請は 1 日 %s 件までです。明日以降にお試しください。",
            "A company may propose at most %s partnerships a day. Try again tomorrow."),
    INVITATION_REQUIRED(ErrorCode.INVALID_FIELD, "相手の企業から受け取った招待コード（invitationCode）と法人番号（corporateNumber）を指定してください。",
            "Give the invitationCode and corporateNumber the other company handed you."),
    METHOD_SHA_REQUIRED(ErrorCode.INVALID_FIELD, "承諾する説明文の methodSha256 を指定してください。",
            "methodSha256 of the description being consented to is required."),
    METHOD_LENGTH(ErrorCode.INVALID_FIELD, "電子契約の方法の説明を 1〜%s 文字で入力してください。",
            "Describe the electronic-contracting method in 1 to %s characters."),
    CORPORATE_NUMBER_INVALID(ErrorCode.INVALID_FIELD, "法人番号は 13 桁の数字で指定してください。",
            "A corporate number (法人番号) is 13 digits."),
    INVITATION_NOT_FOUND(ErrorCode.NOT_FOUND, "この法人番号と招待コードに合う招待はありません。相手の管理者に、招待コード（期限内・未使用のもの）と法人番号を確かめてください。",
            "No invitation matches this corporate number and invitation code. Ask the other company's administrator for an unused, unexpired code and check the corporate number."),
    SELF_PARTNERSHIP(ErrorCode.INVALID_FIELD, "自社を取引先にすることはできません。",
            "A company cannot partner with itself."),
    ALREADY_PARTNER(ErrorCode.CONFLICT, "この企業とは既に取引先として登録されています。",
            "This company is already a partner."),
    METHOD_CHANGED(ErrorCode.CONFLICT, "電子契約の方法の説明が、表示された内容と一致しません。最新の説明を確認してから承諾してください。",
            "The method description does not match the one shown. Review the current text before consenting."),
    NO_CONSENT_TO_WITHDRAW(ErrorCode.CONFLICT, "承諾はされていません。",
            "There is no consent in force to withdraw."),
    PARTNERSHIP_NOT_FOUND(ErrorCode.NOT_FOUND, "取引先 %s は見つかりません。",
            "Partnership %s was not found."),
    CONSENT_MISSING(ErrorCode.CONSENT_MISSING, "取引先 %s から電子契約の承諾（建設業法施行令第5条の5）を得ていないため、送付できません。",
            "Company %s has not consented to electronic contracting (建設業法施行令 5条の5), so the contract cannot be sent.");

    private final Texts texts;

    PartnershipMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
