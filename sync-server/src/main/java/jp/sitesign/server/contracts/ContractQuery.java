package jp.sitesign.server.contracts;

import java.time.LocalDate;
import java.util.Locale;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractStatus;

/**
 * The contract search (電子帳簿保存法: 取引年月日, 取引金額 and 取引先, with ranges, combinable), plus
 * 文書管理番号 and title. Null fields do not filter; number and title match case-insensitively anywhere.
 */
public record ContractQuery(String number, String title, ContractStatus status, LocalDate dateFrom, LocalDate dateTo,
        Long amountMin, Long amountMax, CompanyId counterparty, Sort sort, int offset, int limit) {

    /** Result orders. */
    public enum Sort { UPDATED_DESC, TRANSACTION_DATE_DESC, TRANSACTION_DATE_ASC, AMOUNT_DESC, AMOUNT_ASC, NUMBER_ASC }

    /** Whether the search must decrypt every candidate (a text filter, or ordering by 文書管理番号). */
    boolean needsContent() {
        return number != null && !number.isBlank() || title != null && !title.isBlank() || sort == Sort.NUMBER_ASC;
    }

    boolean matchesText(StoredContract k) {
        return contains(k.data().managementNumber(), number) && contains(k.data().title(), title);
    }

    private static boolean contains(String value, String needle) {
        if (needle == null || needle.isBlank()) {
            return true;
        }
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
    }
}
