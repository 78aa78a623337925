package jp.sitesign.model.document.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Documents made to hurt whoever reads or trusts them, built here so every test shows what it feeds in:
 * decompression bombs, active content, a lying page count.
 */
public final class HostilePdfs {
    /** Catalog 1, pages 2 and page 5 as an object stream's content: its header, then the objects. */
    private static final String PAGE_OBJECTS = objectStreamContent(new int[] {1, 2, 5},
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    private static final int PAGE_OBJECTS_FIRST = PAGE_OBJECTS.indexOf('<');

    private HostilePdfs() {
    }

    /**
     * A one-page PDF of about a megabyte whose catalog, page tree and page sit in an object stream that
     * inflates to {@code mebibytes} MiB (the objects, then zeros, which PDF reads as white space).
     */
    public static byte[] objectStreamBomb(int mebibytes) {
        return withObjectStream("/FlateDecode", FlateBomb.deflate(PAGE_OBJECTS.getBytes(StandardCharsets.US_ASCII),
                mebibytes));
    }

    /**
     * The same object stream behind the filters {@code [/FlateDecode /ASCIIHexDecode /FlateDecode
     * /RunLengthDecode]}: a reader applies each filter once, so the second /FlateDecode is dropped and
     * run-length decoding turns a mebibyte into {@code mebibytes} MiB of zeros after the objects.
     */
    public static byte[] objectStreamBombBehindARepeatedFilter(int mebibytes) {
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        byte[] objects = PAGE_OBJECTS.getBytes(StandardCharsets.US_ASCII);
        for (int start = 0; start < objects.length; start += 128) {
            int length = Math.min(128, objects.length - start);
            runs.write(length - 1); // copy the next length bytes
            runs.write(objects, start, length);
        }
        for (long i = 0; i < mebibytes * 1024L * 1024 / 128; i++) {
            runs.write(129); // repeat the next byte 128 times
            runs.write(0);
        }
        runs.write(128); // end of data
        byte[] hex = (HexFormat.of().formatHex(runs.toByteArray()) + ">").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(packed)) {
            deflate.write(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withObjectStream("[/FlateDecode /ASCIIHexDecode /FlateDecode /RunLengthDecode]", packed.toByteArray());
    }

    private static String objectStreamContent(int[] numbers, String... objects) {
        StringBuilder header = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < objects.length; i++) {
            header.append(numbers[i]).append(' ').append(body.length()).append(' ');
            body.append(objects[i]).append('\n');
        }
        return header.toString() + body;
    }

    /** A PDF of {@link #PAGE_OBJECTS} packed with {@code filter} into object stream 3. */
    private static byte[] withObjectStream(String filter, byte[] packed) {
        PdfWriter pdf = new PdfWriter();
        long objectStream = pdf.object(3, "<< /Type /ObjStm /N 3 /First " + PAGE_OBJECTS_FIRST + " /Filter " + filter
                + " /Length " + packed.length + " >>", packed);
        // Cross-reference stream entries (/W [1 4 2]): type, offset or object stream, generation or index.
        ByteBuffer entries = ByteBuffer.allocate(6 * 7);
        entries.put((byte) 0).putInt(0).putShort((short) -1);
        entries.put((byte) 2).putInt(3).putShort((short) 0);
        entries.put((byte) 2).putInt(3).putShort((short) 1);
        entries.put((byte) 1).putInt((int) objectStream).putShort((short) 0);
        entries.put((byte) 1).putInt((int) pdf.size()).putShort((short) 0);
        entries.put((byte) 2).putInt(3).putShort((short) 2);
        long xref = pdf.object(4, "<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length 42 >>", entries.array());
        return pdf.finish(xref);
    }

    /**
     * A one-page PDF whose cross-reference stream inflates to {@code mebibytes} MiB: its five entries, then
     * zeros that no entry needs but a reader decodes all the same.
     */
    public static byte[] crossReferenceBomb(int mebibytes) {
        PdfWriter pdf = new PdfWriter();
        long catalog = pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        long pages = pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        long page = pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        ByteBuffer entries = ByteBuffer.allocate(5 * 7);
        entries.put((byte) 0).putInt(0).putShort((short) -1);
        for (long offset : new long[] {catalog, pages, page, pdf.size()}) {
            entries.put((byte) 1).putInt((int) offset).putShort((short) 0);
        }
        byte[] packed = FlateBomb.deflate(entries.array(), mebibytes);
        long xref = pdf.object(4, "<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
                + packed.length + " >>", packed);
        return pdf.finish(xref);
    }

    /** A one-page document that runs JavaScript when it is opened. */
    public static byte[] javaScriptOnOpen() {
        return edited(document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert('請負代金は 0 円です');")));
    }

    /** A one-page document with a link that launches a program. */
    public static byte[] launchLink() {
        return edited(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            launch.getFile().setFile("C:\\Windows\\System32\\calc.exe");
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 200, 20));
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
        });
    }

    /** A one-page document carrying a Windows program as an embedded file named {@code name}. */
    public static byte[] embeddedProgram(String name) {
        return edited(document -> {
            PDComplexFileSpecification file = windowsProgram(document, name);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of(name, file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /** A one-page document with a Windows program named {@code name} attached to the page (a paper-clip note). */
    public static byte[] programAttachedToPage(String name) {
        return edited(document -> {
            PDAnnotationFileAttachment clip = new PDAnnotationFileAttachment();
            clip.setRectangle(new PDRectangle(72, 700, 20, 20));
            clip.setFile(windowsProgram(document, name));
            document.getPage(0).getAnnotations().add(clip);
        });
    }

    /** A one-page document with a harmless embedded text file. */
    public static byte[] embeddedText() {
        return edited(document -> {
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("memo.txt");
            file.setFileUnicode("memo.txt");
            file.setEmbeddedFile(new PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream("工期は 3 か月".getBytes(StandardCharsets.UTF_8))));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("memo.txt", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /** A {@code pages}-page document whose page tree claims {@code count} pages. */
    public static byte[] claimingPages(int pages, int count) {
        try (PDDocument document = Loader.loadPDF(TestPdfs.multiPage(pages))) {
            document.getPages().getCOSObject().setInt(COSName.COUNT, count);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDComplexFileSpecification windowsProgram(PDDocument document, String name) throws IOException {
        // "MZ" opens every Windows executable; the rest is filler.
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        PDComplexFileSpecification file = new PDComplexFileSpecification();
        file.setFile(name);
        file.setFileUnicode(name);
        file.setEmbeddedFile(new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(program)));
        return file;
    }

    @FunctionalInterface
    private interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] edited(Edit edit) {
        try (PDDocument document = Loader.loadPDF(TestPdfs.multiPage(1))) {
            edit.apply(document);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** Writes a PDF object by object, remembering where each starts, for files PDFBox would not write. */
    private static final class PdfWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        PdfWriter() {
            ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        long size() {
            return out.size();
        }

        /** Writes {@code number 0 obj object endobj}; returns where it starts. */
        long object(int number, String object) {
            long start = out.size();
            ascii(number + " 0 obj\n" + object + "\nendobj\n");
            return start;
        }

        /** Writes {@code number 0 obj dictionary stream … endstream endobj}; returns where it starts. */
        long object(int number, String dictionary, byte[] stream) {
            long start = out.size();
            ascii(number + " 0 obj\n" + dictionary + "\nstream\n");
            out.writeBytes(stream);
            ascii("\nendstream\nendobj\n");
            return start;
        }

        byte[] finish(long xref) {
            ascii("startxref\n" + xref + "\n%%EOF\n");
            return out.toByteArray();
        }

        private void ascii(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
