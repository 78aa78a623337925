package jp.sitesign.desktop.contracts;

import jp.sitesign.model.contract.LifecycleCommand;

/**
 * One workflow button of the contract detail.
 *
 * @param tooltip why the button is disabled (from {@code ContractOptions}), or null when it is enabled
 */
public record ActionState(LifecycleCommand command, String label, boolean allowed, String tooltip) {
}
