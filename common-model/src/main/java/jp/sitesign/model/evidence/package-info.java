/**
 * The evidence package of a completed contract (issue 15, ADR 24): what the server puts in the ZIP
 * ({@link jp.sitesign.model.evidence.EvidencePackage}), what its sealed 締結証明書 states in machine-readable
 * form ({@link jp.sitesign.model.evidence.EvidenceStatement}), which audit events and contracts it covers
 * ({@link jp.sitesign.model.evidence.EvidenceRules}), and the offline check anyone can run on it
 * ({@link jp.sitesign.model.evidence.EvidenceChecker}). The server builds with these and the desktop's
 * {@code verify-evidence} checks with them, so both read the format from one place.
 */
package jp.sitesign.model.evidence;
