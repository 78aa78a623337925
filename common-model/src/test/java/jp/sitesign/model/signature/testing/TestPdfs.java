package jp.sitesign.model.signature.testing;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PDFs for signing tests, generated so every test starts from a known, valid document. */
public final class TestPdfs {
    private TestPdfs() {
    }

    /** An A4 document with {@code pages} pages of text. */
    public static byte[] multiPage(int pages) {
        try (PDDocument document = new PDDocument()) {
            fill(document, pages);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A document whose catalog says it is certified with DocMDP permission {@code p}. Only the
     * permission entries are present: enough for a signer that must read them.
     */
    public static byte[] certifiedWithPermission(int p) {
        try (PDDocument document = new PDDocument()) {
            fill(document, 1);
            COSDictionary params = new COSDictionary();
            params.setName(COSName.TYPE, "TransformParams");
            params.setInt(COSName.P, p);
            params.setName(COSName.V, "1.2");
            COSDictionary reference = new COSDictionary();
            reference.setName(COSName.TYPE, "SigRef");
            reference.setItem(COSName.TRANSFORM_METHOD, COSName.getPDFName("DocMDP"));
            reference.setItem(COSName.TRANSFORM_PARAMS, params);
            COSArray references = new COSArray();
            references.add(reference);
            COSDictionary signature = new COSDictionary();
            signature.setItem(COSName.TYPE, COSName.SIG);
            signature.setItem(COSName.REFERENCE, references);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.getPDFName("DocMDP"), signature);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(PDDocument document, int pages) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (int i = 1; i <= pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, 770);
                content.showText("Construction contract - page " + i + " of " + pages);
                content.endText();
            }
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
