package jp.sitesign.model.signature.verify;

/**
 * A document-level finding.
 *
 * @param kind     what it is
 * @param what     names it (the removed signature's field and signer), or {@code null}
 * @param revision the revision where it was last seen (for a removed signature), or 0
 */
public record DocumentFinding(DocumentFindingKind kind, String what, int revision) {
}
