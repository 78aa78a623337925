package jp.sitesign.model.signature.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.model.signature.cms.CadesSignatureBuilder;
import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SigningAlgorithm;
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * The shadow-attack family, made by hand so each test shows exactly which bytes it adds: data after a
 * signature that the signature does not cover, an object filled in for a reference that was missing when
 * signed, and a signing update that also changes the page.
 */
public final class ShadowUpdates {
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");

    private ShadowUpdates() {
    }

    /** {@code pdf} with {@code text} appended after its last {@code %%EOF}, as nobody's revision. */
    public static byte[] appended(byte[] pdf, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf);
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /**
     * {@code pdf} plus a hand-written incremental update that defines object {@code number} as
     * {@code object} (e.g. {@code "<< /Length 5 >>\nstream\n...\nendstream"}) and nothing else.
     */
    public static byte[] withObject(byte[] pdf, int number, String object) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher previous = STARTXREF.matcher(text);
        if (!previous.find()) {
            throw new IllegalArgumentException("no startxref at the end");
        }
        long objectStart = pdf.length + 1;
        String body = "\n" + number + " 0 obj\n" + object + "\nendobj\n";
        long xref = pdf.length + body.length();
        String update = body + "xref\n" + number + " 1\n" + String.format("%010d 00000 n \n", objectStart)
                + "trailer\n<< /Size " + (number + 1) + " /Root 1 0 R /Prev " + previous.group(1) + " >>\n"
                + "startxref\n" + xref + "\n%%EOF\n";
        return appended(pdf, update);
    }

    /**
     * A one-page document written by hand whose page lists a second content stream, object {@code missing},
     * that the file does not define: a reader shows the page without it (a missing object is null).
     */
    public static byte[] pageWithMissingContent(int missing) {
        String content = "BT /F1 12 Tf 72 770 Td (Contract amount: 1,000,000 yen) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R " + missing + " 0 R]"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        long xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An edit made in the same incremental update as a signature. */
    @FunctionalInterface
    public interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    /** {@code pdf} signed (B-B, key {@code alias} of {@code p12}) by one update that also makes {@code edit}. */
    public static byte[] signedWithin(byte[] pdf, Path p12, String password, String alias, Edit edit) {
        try (PDDocument document = Loader.loadPDF(pdf);
             KeySession session = new Pkcs12KeySource(p12).open(what -> password.toCharArray())) {
            edit.apply(document);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setSignDate(java.util.Calendar.getInstance());
            document.addSignature(signature);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            SigningKey key = session.key(alias);
            byte[] content = external.getContent().readAllBytes();
            external.setSignature(new CadesSignatureBuilder().sign(content, key,
                    SigningAlgorithm.forCertificate(key.certificate(), RsaPadding.PKCS1_V1_5)).encoded());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An edit that rewrites the first page's text to claim another amount. */
    public static Edit pageTextRewritten(String text) {
        return document -> {
            COSStream content = (COSStream) document.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream out = content.createOutputStream()) {
                out.write(("BT /F1 12 Tf 72 770 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
        };
    }
}
