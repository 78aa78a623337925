package jp.sitesign.desktop.contracts;

import jp.sitesign.model.contract.ContractStatus;

/**
 * One line of the contract list, as shown.
 *
 * @param status    the status as the user reads it, with whose turn it is (「承認待ち（自社・佐藤 花子）」), in
 *                  common-model's words: the chip's text
 * @param state     the raw status, which picks the chip's colour (null: unknown)
 * @param deadline  the signing deadline with the days left (「12/20（あと13日）」), or empty
 * @param overdue   whether that deadline has passed while the contract still waits for someone
 */
public record ContractRow(String id, String number, String title, String counterparty, String status,
        String amount, String transactionDate, String updated, String badge, ContractStatus state, String deadline,
        boolean overdue) {

    /** A row without status colour or deadline (tests and tools that only care about the texts). */
    public ContractRow(String id, String number, String title, String counterparty, String status, String amount,
            String transactionDate, String updated, String badge) {
        this(id, number, title, counterparty, status, amount, transactionDate, updated, badge, null, "", false);
    }
}
