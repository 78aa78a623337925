package jp.sitesign.model.signature.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFs written object by object, and incremental updates that redefine or free given objects. A writer such as
 * PDFBox chooses object numbers and which dictionaries and arrays stand alone; these tests need to say
 * "object 13 is page 1's annotation list" and change exactly that object, so they write the syntax themselves
 * (ISO 32000-1, 7.5) and let PDFBox read it, as the verifier does.
 */
final class HandWrittenPdf {
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");
    private static final Pattern SIZE = Pattern.compile("/Size (\\d+)");

    private HandWrittenPdf() {
    }

    /** A file whose object {@code i + 1} is {@code objects[i]}; object 1 is the catalog. */
    static byte[] of(String... objects) {
        Map<Integer, String> numbered = new TreeMap<>();
        for (int i = 0; i < objects.length; i++) {
            numbered.put(i + 1, objects[i]);
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        return section(pdf, numbered, 1, "", 0).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code pdf} plus one incremental update that defines each object of {@code objects} (by number) anew.
     */
    static byte[] update(byte[] pdf, Map<Integer, String> objects) {
        return update(pdf, 1, objects);
    }

    /** As {@link #update(byte[], Map)}, the new trailer naming object {@code root} as the catalog. */
    static byte[] update(byte[] pdf, int root, Map<Integer, String> objects) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher previous = STARTXREF.matcher(text);
        if (!previous.find()) {
            throw new IllegalArgumentException("no startxref at the end");
        }
        Matcher size = SIZE.matcher(text);
        int lastSize = 0;
        while (size.find()) {
            lastSize = Integer.parseInt(size.group(1));
        }
        StringBuilder updated = new StringBuilder(text);
        return section(updated, new TreeMap<>(objects), root, " /Prev " + previous.group(1), lastSize)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A stream object with {@code entries} in its dictionary besides {@code /Length}. */
    static String stream(String entries, String content) {
        return "<< " + entries + " /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    /**
     * A signed two-page contract in which every dictionary and array that can stand alone does, so each has its
     * own object number (the comments give them). Alice's signature (field 16, value 21) is on page 1 beside an
     * empty signature field for Bob (23) and a note (25); the form holds the field {@code contract.amount}
     * (17, 18, value 20) whose widget (19) sits on page 2 without being listed there; the catalog has
     * {@code /DSS} (26).
     */
    static byte[] contract() {
        return of(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm 14 0 R /DSS 26 0 R >>",          // 1 catalog
                "<< /Type /Pages /Kids 3 0 R /Count 2 >>",                                // 2 page tree root
                "[4 0 R 11 0 R]",                                                         // 3 its kids
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources 8 0 R"
                        + " /Annots 13 0 R >>",                                           // 4 page 1
                "[6 0 R 7 0 R]",                                                          // 5 page 1's contents
                stream("", "BT /F1 12 Tf 72 770 Td (Contract amount: 1,000,000 yen) Tj ET"), // 6
                stream("", "q /Seal Do Q"),                                               // 7
                "<< /Font 9 0 R /XObject << /Seal 10 0 R >> >>",                          // 8 page 1's resources
                "<< /F1 22 0 R >>",                                                       // 9 its fonts
                stream("/Type /XObject /Subtype /Form /BBox [0 0 50 50]", "1 0 0 rg 0 0 50 50 re f"), // 10 seal
                "<< /Type /Pages /Parent 2 0 R /Kids [12 0 R] /Count 1 >>",               // 11 inner page tree node
                "<< /Type /Page /Parent 11 0 R /MediaBox [0 0 595 842] /Contents 24 0 R >>", // 12 page 2
                "[16 0 R 23 0 R 25 0 R]",                                                 // 13 page 1's annotations
                "<< /Fields 15 0 R /SigFlags 3 /DA (/Helv 0 Tf 0 g) >>",                  // 14 form
                "[16 0 R 17 0 R 23 0 R]",                                                 // 15 its fields
                "<< /FT /Sig /T (Alice) /V 21 0 R /Type /Annot /Subtype /Widget /Rect [72 100 222 150] /F 132"
                        + " /P 4 0 R >>",                                                 // 16 Alice's field
                "<< /T (contract) /Kids [18 0 R] >>",                                     // 17
                "<< /FT /Tx /T (amount) /Parent 17 0 R /V 20 0 R /Kids [19 0 R] >>",      // 18
                "<< /Type /Annot /Subtype /Widget /Parent 18 0 R /Rect [72 700 300 720] /P 12 0 R >>", // 19
                "(1,000,000 yen)",                                                        // 20 the amount
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0]"
                        + " /Contents <00> >>",                                           // 21 Alice's signature
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontDescriptor 30 0 R >>", // 22
                "<< /FT /Sig /T (Bob) /Type /Annot /Subtype /Widget /Rect [300 100 450 150] /F 132"
                        + " /P 4 0 R >>",                                                 // 23 Bob's empty field
                stream("", "BT /F1 12 Tf 72 770 Td (Terms) Tj ET"),                       // 24 page 2's content
                "<< /Type /Annot /Subtype /Square /Rect [72 600 200 650] /BS 31 0 R >>",  // 25 note
                "<< /Certs 27 0 R /VRI 28 0 R >>",                                        // 26 DSS
                "[29 0 R]",                                                               // 27
                "<< >>",                                                                  // 28
                stream("", "certificate"),                                                // 29
                "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 >>",             // 30
                "<< /W 2 >>");                                                            // 31 note's border
    }

    static PDDocument open(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    /** Object {@code number} (generation 0) of {@code document}, resolved. */
    static COSDictionary dictionary(PDDocument document, int number) {
        COSBase object = document.getDocument().getObjectFromPool(key(number)).getObject();
        return (COSDictionary) object;
    }

    static COSObjectKey key(int number) {
        return new COSObjectKey(number, 0);
    }

    private static String section(StringBuilder pdf, Map<Integer, String> objects, int root, String prev,
            int lastSize) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Map.Entry<Integer, String> object : objects.entrySet()) {
            offsets.put(object.getKey(), (long) pdf.length());
            pdf.append(object.getKey()).append(" 0 obj\n").append(object.getValue()).append("\nendobj\n");
        }
        long xref = pdf.length();
        pdf.append("xref\n0 1\n0000000000 65535 f \n");
        int size = lastSize;
        for (Map.Entry<Integer, Long> offset : offsets.entrySet()) {
            pdf.append(offset.getKey()).append(" 1\n").append(String.format("%010d 00000 n \n", offset.getValue()));
            size = Math.max(size, offset.getKey() + 1);
        }
        pdf.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root).append(" 0 R").append(prev)
                .append(" >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString();
    }
}
