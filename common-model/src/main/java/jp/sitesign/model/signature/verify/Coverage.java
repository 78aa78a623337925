package jp.sitesign.model.signature.verify;

import java.util.List;

/**
 * Which revision a signature covers and what came after it.
 *
 * @param status      the verdict
 * @param revision    the revision the signature covers (1-based; revisions end at {@code %%EOF})
 * @param revisions   how many revisions the document has
 * @param signedBytes how many bytes of the file the signature's revision spans
 * @param changes     everything added or changed after it, allowed or not, in a stable order
 */
public record Coverage(CoverageStatus status, int revision, int revisions, long signedBytes, List<Change> changes) {

    public Coverage {
        changes = List.copyOf(changes);
    }

    /** The changes PAdES does not allow after signing. */
    public List<Change> disallowedChanges() {
        return changes.stream().filter(change -> !change.allowed()).toList();
    }
}
