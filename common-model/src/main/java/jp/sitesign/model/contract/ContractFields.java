package jp.sitesign.model.contract;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * Field checks of what a contract says, with the field named in both languages: the server applies them to
 * every draft it stores, the desktop editor before it queues one, so both refuse with the same words.
 */
public final class ContractFields {
    private ContractFields() {
    }

    /** @throws SiteSignException INVALID_FIELD naming the field and the fix */
    public static void validate(ContractData d) {
        if (d.title() == null || d.title().isBlank()) {
            throw invalid("契約文書名称を入力してください。", "The title is required.");
        }
        text(d.title(), ContractData.MAX_TITLE, "契約文書名称", "The title");
        text(d.managementNumber(), ContractData.MAX_NUMBER, "文書管理番号", "The management number");
        text(d.note(), ContractData.MAX_NOTE, "備考", "The note");
        if (d.amountYen() != null && d.amountYen() < 0) {
            throw invalid("取引金額は 0 以上で入力してください。", "The amount must not be negative.");
        }
    }

    private static void text(String value, int max, String ja, String en) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw invalid(ja + "は " + max + " 文字以内で入力してください。", en + " must be at most " + max + " characters.");
        }
        if (value.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw invalid(ja + "に制御文字は使えません。", en + " must not contain control characters.");
        }
    }

    private static SiteSignException invalid(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_FIELD, ja, en);
    }
}
