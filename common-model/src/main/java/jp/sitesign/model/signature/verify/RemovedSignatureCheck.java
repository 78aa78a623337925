package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds signatures that an earlier revision has and the final document no longer has: each earlier
 * revision is parsed on its own and its signatures, identified by their {@code /Contents}, are looked
 * for in the final document. Dropping a signature field by an incremental update leaves every other
 * signature's bytes intact, so only this document-level look finds it.
 */
final class RemovedSignatureCheck {
    private RemovedSignatureCheck() {
    }

    static List<DocumentFinding> findings(VerificationContext context) {
        byte[] pdf = context.pdf;
        List<SignatureField> present = context.fields;
        Set<ByteBuffer> kept = present.stream().map(f -> ByteBuffer.wrap(f.contents())).collect(Collectors.toSet());
        Map<ByteBuffer, DocumentFinding> removed = new LinkedHashMap<>();
        List<Long> ends = context.revisions.ends();
        for (int i = 0; i < ends.size(); i++) {
            long end = ends.get(i);
            if (end >= pdf.length) {
                continue;
            }
            for (SignatureField field : signaturesOf(context, end)) {
                ByteBuffer contents = ByteBuffer.wrap(field.contents());
                if (!kept.contains(contents)) {
                    removed.put(contents, new DocumentFinding(DocumentFindingKind.SIGNATURE_REMOVED,
                            field.fieldName(), i + 1));
                }
            }
        }
        return new ArrayList<>(removed.values());
    }

    private static List<SignatureField> signaturesOf(VerificationContext context, long end) {
        try (PDDocument revision = context.revision(end)) {
            return PdfSignatures.read(revision);
        } catch (IOException e) {
            // "%%EOF" inside a binary stream is no revision end; such a cut does not parse and holds nothing.
            return List.of();
        }
    }
}
