package jp.sitesign.model.signature.verify;

import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A document of three revisions made by hand for the tests that need to place byte range ends exactly: one page
 * (revision 1), two signature fields "first" and "second" (revision 2; their {@code /Contents} are no CMS, their
 * byte ranges placeholders), and an object nothing refers to (revision 3, which changes nothing). {@link #ending}
 * then writes each field's byte range, in place, to end where the test says. Only the byte ranges matter to what
 * these tests look at (revisions, coverage, the unsigned tail, the order of signatures), not whether they verify.
 */
final class HandMadeSignatures {
    private static final String FIRST = "[0 1111111111 1111111111 1111111111]";
    private static final String SECOND = "[0 1222222222 1222222222 1222222222]";

    final byte[] rev1 = TestPdfs.multiPage(1);
    final byte[] rev2 = withTwoSignatureFields(rev1);
    byte[] pdf = ShadowUpdates.withObject(rev2, 90, "(nothing refers to this)");

    long e1() {
        return rev1.length;
    }

    long e2() {
        return rev2.length;
    }

    long e3() {
        return pdf.length;
    }

    /** Revision 3 replaced by an unreferenced stream holding {@code startxref 0 %%EOF}: a marker that ends no revision. */
    HandMadeSignatures withMarkerInStream() {
        String stream = "startxref\n0\n%%EOF\n";
        pdf = ShadowUpdates.withObject(rev2, 90, "<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream");
        return this;
    }

    /** Where the marker inside the stream of {@link #withMarkerInStream} is followed by its end of line. */
    long fakeEnd() {
        return new String(pdf, StandardCharsets.ISO_8859_1).indexOf("%%EOF\n", (int) e2()) + "%%EOF\n".length();
    }

    /** The two fields' byte ranges made to end at {@code first} and {@code second}. */
    HandMadeSignatures ending(long first, long second) {
        pdf = withRange(withRange(pdf, FIRST, first), SECOND, second);
        return this;
    }

    /** What the verifier shares for {@code pdf}, read as it reads it. */
    static VerificationContext context(byte[] pdf) throws IOException {
        SafePdf reading = SafePdf.start(PdfLimits.DEFAULT);
        PDDocument document = reading.open(pdf);
        return new VerificationContext(pdf, document, reading, new IdentityCheck(List.of()), Instant.now());
    }

    private static byte[] withTwoSignatureFields(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            List<PDField> fields = new ArrayList<>();
            for (String name : List.of("first", "second")) {
                PDSignatureField field = new PDSignatureField(form);
                field.setPartialName(name);
                PDSignature signature = new PDSignature();
                signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
                int placeholder = name.equals("first") ? 1111111111 : 1222222222;
                signature.setByteRange(new int[] {0, placeholder, placeholder, placeholder});
                signature.setContents(name.getBytes(StandardCharsets.US_ASCII));
                field.setValue(signature);
                fields.add(field);
            }
            form.setFields(fields);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdf} with the byte range written as {@code placeholder} rewritten, in place, to end at {@code end}. */
    private static byte[] withRange(byte[] pdf, String placeholder, long end) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(placeholder);
        if (at < 0) {
            throw new IllegalStateException("no byte range " + placeholder);
        }
        String range = "[0 10 20 " + (end - 20) + "]";
        String padded = range + " ".repeat(placeholder.length() - range.length());
        return (text.substring(0, at) + padded + text.substring(at + placeholder.length()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
