package jp.sitesign.model.contract;

import java.time.LocalDate;

/**
 * What a contract says, apart from who acts when: the 文書管理番号, title, the 電子帳簿保存法 search keys
 * (取引年月日, 取引金額 with the tax flag; the 取引先 is the first counterparty) and, for a construction
 * contract, the 建設業法19条 items. Customer content: encrypted at rest on the server.
 *
 * @param managementNumber 文書管理番号, unique within the sending company; generated when left empty
 * @param amountYen        取引金額 in yen, or null when not yet known
 * @param construction     whether this is a construction contract (建設工事の請負契約), which must state
 *                         every required 19条 item and needs the counterparty's 承諾 before it is sent
 * @param originalId       for a 変更契約, the id of the completed contract it changes; otherwise null
 */
public record ContractData(String managementNumber, String title, LocalDate transactionDate, Long amountYen,
        boolean taxIncluded, boolean construction, ConstructionTerms terms, String note, String originalId) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NUMBER = 50;
    public static final int MAX_NOTE = 4000;

    public ContractData {
        terms = terms == null ? ConstructionTerms.empty() : terms;
    }

    public ContractData withManagementNumber(String number) {
        return new ContractData(number, title, transactionDate, amountYen, taxIncluded, construction, terms, note,
                originalId);
    }
}
