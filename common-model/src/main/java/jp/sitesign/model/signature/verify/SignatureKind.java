package jp.sitesign.model.signature.verify;

/** What a signature dictionary of the document is. */
public enum SignatureKind {
    /** A person's CAdES signature ({@code ETSI.CAdES.detached} or another CMS SubFilter). */
    SIGNATURE,
    /** A document timestamp ({@code /Type /DocTimeStamp}, SubFilter {@code ETSI.RFC3161}) over its revision. */
    DOCUMENT_TIMESTAMP
}
