package jp.sitesign.model.contract;

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
            throw ContractFieldMessage.TITLE_MISSING.exception();
        }
        text(d.title(), ContractData.MAX_TITLE, ContractFieldMessage.FIELD_TITLE);
        text(d.managementNumber(), ContractData.MAX_NUMBER, ContractFieldMessage.FIELD_MANAGEMENT_NUMBER);
        text(d.note(), ContractData.MAX_NOTE, ContractFieldMessage.FIELD_NOTE);
        if (d.amountYen() != null && d.amountYen() < 0) {
            throw ContractFieldMessage.AMOUNT_NEGATIVE.exception();
        }
    }

    private static void text(String value, int max, ContractFieldMessage field) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw ContractFieldMessage.FIELD_TOO_LONG.exception(field.ja(), field.en(), max);
        }
        if (value.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw ContractFieldMessage.FIELD_CONTROL_CHARACTERS.exception(field.ja(), field.en());
        }
    }
}
