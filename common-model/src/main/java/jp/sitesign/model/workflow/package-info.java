/**
 * What a user can do with a contract, where the lifecycle (what follows, {@code contract}) and the access
 * policy (who may, {@code policy}) meet: {@link jp.sitesign.model.workflow.ContractOptions} for the buttons,
 * and {@link jp.sitesign.model.workflow.ContractVerbs}, the one table that names each workflow verb for the
 * lifecycle, the policy, the sync protocol and the audit log. It sits above those packages so that none of
 * them depends on another sideways (issue 17).
 */
package jp.sitesign.model.workflow;
