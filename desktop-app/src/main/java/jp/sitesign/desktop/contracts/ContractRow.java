package jp.sitesign.desktop.contracts;

import jp.sitesign.model.contract.ContractStatus;

/**
 * One line of the contract list, as shown.
 *
 * @param status    the status as the user reads it, with whose turn it is (「承認待ち（自社・佐藤 花子）」), in
 *                  common-model's words
 * @param rawStatus the status itself, for what the text does not carry (a colour)
 */
public record ContractRow(String id, String number, String title, String counterparty, String status,
        String amount, String transactionDate, String updated, String badge, ContractStatus rawStatus) {
}
