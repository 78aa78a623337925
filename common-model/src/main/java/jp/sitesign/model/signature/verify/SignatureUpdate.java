package jp.sitesign.model.signature.verify;

import jp.sitesign.model.document.SafePdf;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.util.List;

/**
 * What the incremental update that signs a version changes in it: the base and the signed version are
 * compared object by object as {@link CoverageCheck} compares a signed revision with what came after it,
 * the signatures the update added standing for the "later" ones. So an update may add a signature with its
 * field, widget and appearance, the form that lists it, a page's annotation entry for it and {@code /DSS},
 * and nothing else. This matters most for the first signature, which no earlier signature watches over.
 */
final class SignatureUpdate {
    private SignatureUpdate() {
    }

    /** The changes from {@code base} to {@code signed}, which extends it; disallowed ones included. */
    static List<Change> changes(byte[] base, byte[] signed, SafePdf reading) throws IOException {
        try (PDDocument before = reading.open(base); PDDocument after = reading.open(signed)) {
            List<SignatureField> added = PdfSignatures.read(after).stream()
                    .filter(field -> field.signedEnd() > base.length).toList();
            List<Change> changes = CoverageCheck.changes(before, after, added);
            reading.checkLimits();
            return changes;
        }
    }
}
