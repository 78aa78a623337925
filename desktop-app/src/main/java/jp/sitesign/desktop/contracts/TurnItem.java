package jp.sitesign.desktop.contracts;

import jp.sitesign.model.contract.ContractTurn;

/**
 * A contract waiting on the logged-in user, as the 要対応 tab lists it: which one (文書管理番号 and title), its
 * status with whose turn it is, what it waits for, and its counterparty and amount.
 *
 * @param task what the contract waits for from the user (common-model's {@link ContractTurn} decides)
 */
public record TurnItem(String contractId, ContractTurn.Task task, String heading, String status, String taskText,
        String details) {
}
