package jp.sitesign.server.companies;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the company features refuse, in Japanese and English, shaped like {@code SigningError}: one place for the
 * texts clients, tests and scripts compare, each with the {@link ErrorCode} it is raised with. Texts take their
 * arguments as {@code %s}, or {@code %1$s} where the two languages use them in another order or one language
 * leaves a technical detail out. Filling in and raising is {@link CataloguedMessage}'s.
 */
enum CompanyMessage implements CataloguedMessage {
    NAME_REQUIRED(ErrorCode.INVALID_FIELD, "企業名を入力してください。",
            "The company name is required."),
    CORPORATE_NUMBER_INVALID(ErrorCode.INVALID_FIELD, "法人番号が正しくありません（13 桁、チェックデジットを確認してください）。",
            "The corporate number must be 13 digits with a valid check digit."),
    COMPANY_NOT_FOUND(ErrorCode.NOT_FOUND, "企業 %s は存在しません。",
            "Company %s does not exist."),
    ALREADY_TERMINATED(ErrorCode.CONFLICT, "企業 %s は既に利用契約終了です。",
            "Company %s is already terminated."),
    COMPLETED_RETENTION_TOO_SHORT(ErrorCode.INVALID_FIELD, "締結済の契約の保存期間は %s 年以上にしてください（電子帳簿保存法）。",
            "Completed contracts must be kept at least %s years (電子帳簿保存法)."),
    UNFINISHED_RETENTION_TOO_SHORT(ErrorCode.INVALID_FIELD, "未締結の契約の保存日数は 1 日以上にしてください。",
            "Unfinished contracts must be kept at least one day.");

    private final Texts texts;

    CompanyMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
