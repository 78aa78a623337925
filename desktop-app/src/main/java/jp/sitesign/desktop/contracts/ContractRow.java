package jp.sitesign.desktop.contracts;

/** One line of the contract list, as shown. */
public record ContractRow(String id, String number, String title, String counterparty, String status,
        String amount, String transactionDate, String updated, String badge) {
}
