package jp.sitesign.model.signature.verify;

/** How much of the final document a signature covers. */
public enum CoverageStatus {
    /** The signature covers the document as it is: nothing was added after it. */
    WHOLE_DOCUMENT,
    /** Things were added after it, all of kinds PAdES allows (later signatures, DSS, document timestamps). */
    ALLOWED_ADDITIONS_ONLY,
    /** Something else changed after signing: what is shown is not (only) what was signed. */
    DISALLOWED_MODIFICATION,
    /** The byte range marks no revision (or the revision cannot be parsed), so what it covers cannot be told. */
    UNKNOWN
}
