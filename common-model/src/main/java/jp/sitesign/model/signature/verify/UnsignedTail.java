package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What follows the last signature or document timestamp, which no signature covers. Only validation data may
 * come there (B-LT adds {@code /DSS} after the last signature). A revision there that changes something is
 * judged by each signature's comparison with the final document (allowed if it is {@code /DSS}); what is left
 * is {@link ChangeKind#UNSIGNED_DATA}: bytes after the last revision (an object appended after {@code %%EOF},
 * which a reader that repairs files might show) or a revision that changes nothing this reader sees — so it is
 * there only for readers that read the file differently.
 */
final class UnsignedTail {
    private UnsignedTail() {
    }

    static List<Change> of(VerificationContext context) {
        OptionalLong lastSignedRevision = context.fields.stream().mapToLong(SignatureField::signedEnd)
                .filter(end -> end <= context.pdf.length && context.revisions.revisionEndingAt(end) > 0)
                .max();
        if (lastSignedRevision.isEmpty()) {
            return List.of();
        }
        long lastSigned = lastSignedRevision.getAsLong();
        List<Change> unsigned = new ArrayList<>();
        long previous = lastSigned;
        List<Long> ends = context.revisions.ends();
        for (int i = 0; i < ends.size(); i++) {
            if (ends.get(i) > lastSigned) {
                if (!changesSomething(context, previous, ends.get(i))) {
                    unsigned.add(new Change(ChangeKind.UNSIGNED_DATA, null, "revision " + (i + 1) + " ("
                            + (ends.get(i) - previous) + " bytes) adds nothing but unsigned data"));
                }
                previous = ends.get(i);
            }
        }
        if (!whiteSpace(context.pdf, previous)) {
            unsigned.add(new Change(ChangeKind.UNSIGNED_DATA, null,
                    (context.pdf.length - previous) + " bytes after the end of the last revision"));
        }
        return unsigned;
    }

    /** Whether the revision from {@code start} to {@code end} changes any object of the one before it. */
    private static boolean changesSomething(VerificationContext context, long start, long end) {
        try (PDDocument before = context.revision(start); PDDocument after = context.revision(end)) {
            return !CoverageCheck.changes(before, after, List.of()).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** PDF white space (ISO 32000-1, 7.2.2) from {@code start} to the end of the file. */
    private static boolean whiteSpace(byte[] pdf, long start) {
        for (long i = start; i < pdf.length; i++) {
            byte b = pdf[(int) i];
            if (b != 0 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != ' ') {
                return false;
            }
        }
        return true;
    }
}
