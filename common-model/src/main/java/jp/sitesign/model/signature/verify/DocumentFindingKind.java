package jp.sitesign.model.signature.verify;

/** Something wrong with the document as a whole rather than with one signature. */
public enum DocumentFindingKind {
    /** A signature present in an earlier revision is gone from a later one. */
    SIGNATURE_REMOVED,
    /** The document carries no signature at all. */
    NO_SIGNATURES
}
