package jp.sitesign.model.signature.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Appends OCSP responses and CRLs to a signed PDF's {@code /DSS} by incremental update, as any tool
 * could — whatever they say and whoever signed them. The verifier must weigh them, not believe them:
 * this is how tests put in revocation data the signing path refuses to embed (a revoked signer) and
 * data nobody should trust (a forged response).
 */
public final class DssAppender {
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName CERTS = COSName.getPDFName("Certs");

    private DssAppender() {
    }

    public static byte[] ocspResponses(byte[] pdf, byte[]... responses) {
        return append(pdf, List.of(responses), List.of());
    }

    public static byte[] crls(byte[] pdf, byte[]... crls) {
        return append(pdf, List.of(), List.of(crls));
    }

    /** A new revision whose {@code /DSS} holds what it held before plus these items (DER). */
    public static byte[] append(byte[] pdf, List<byte[]> ocspResponses, List<byte[]> crls) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            addTo(document, ocspResponses, crls);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds these items (DER) to the document's {@code /DSS}, for whatever update saves it next. */
    public static void addTo(PDDocument document, List<byte[]> ocspResponses, List<byte[]> crls) throws IOException {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary old = catalog.getCOSDictionary(DSS);
        COSDictionary dss = new COSDictionary();
        if (old != null) {
            for (COSName key : old.keySet()) {
                dss.setItem(key, old.getItem(key));
            }
        }
        dss.setItem(OCSPS, extended(document, old, OCSPS, ocspResponses));
        dss.setItem(CRLS, extended(document, old, CRLS, crls));
        if (dss.getItem(CERTS) == null) {
            dss.setItem(CERTS, new COSArray());
        }
        catalog.setItem(DSS, dss);
        catalog.setNeedToBeUpdated(true);
    }

    private static COSArray extended(PDDocument document, COSDictionary old, COSName name, List<byte[]> items)
            throws IOException {
        COSArray array = new COSArray();
        COSArray existing = old == null ? null : old.getCOSArray(name);
        for (int i = 0; existing != null && i < existing.size(); i++) {
            array.add(existing.get(i));
        }
        for (byte[] der : items) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(der);
            }
            array.add(stream);
        }
        return array;
    }
}
