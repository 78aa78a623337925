package jp.sitesign.model.signature.verify;

/**
 * What was added or changed after a signature. The first three are the incremental additions PAdES
 * allows after signing; every other kind is a modification after signing.
 */
public enum ChangeKind {
    /** Another signature was added (with its field and, if visible, its widget). Allowed. */
    LATER_SIGNATURE,
    /** A document timestamp was added. Allowed. */
    DOCUMENT_TIMESTAMP,
    /** Validation data ({@code /DSS}: certificates, OCSP responses, CRLs, {@code /VRI}) was added. Allowed. */
    VALIDATION_DATA,
    /** A page's content, resources or geometry changed. */
    PAGE_CONTENT_CHANGED,
    /** Pages were added, removed or reordered. */
    PAGES_CHANGED,
    /** An annotation that is not a later signature's widget was added (it can alter the visible page). */
    ANNOTATION_ADDED,
    /** An annotation present when signing was changed or removed. */
    ANNOTATION_CHANGED,
    /** A form field was added, changed or removed (other than a later signature field). */
    FORM_FIELD_CHANGED,
    /** An entry of the document catalog changed (other than {@code /DSS} and the form). */
    CATALOG_CHANGED,
    /** Any other object of the signed revision was replaced or removed. */
    OBJECT_CHANGED,
    /**
     * Bytes after the last signature that no signature covers and that add no validation data: an object
     * appended after {@code %%EOF}, or an update that changes nothing a reader is asked to show.
     */
    UNSIGNED_DATA;

    /** Whether PAdES allows this addition after a signature. */
    public boolean allowed() {
        return this == LATER_SIGNATURE || this == DOCUMENT_TIMESTAMP || this == VALIDATION_DATA;
    }
}
