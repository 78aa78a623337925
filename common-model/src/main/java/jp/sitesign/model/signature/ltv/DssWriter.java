package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes validation data into the document's {@code /DSS} by incremental update: every item once in
 * {@code /Certs}, {@code /OCSPs} and {@code /CRLs} (kept from an earlier {@code /DSS}, new ones
 * appended), and one {@code /VRI} entry per signature pointing at the streams that validate it.
 * Only the catalog and the new objects are written; earlier revisions stay byte for byte.
 */
final class DssWriter {
    private final PDDocument document;
    /** Existing and new streams by {@link ValidationData#key}, so an item is stored once. */
    private final Map<String, COSBase> streams = new HashMap<>();

    private DssWriter(PDDocument document) {
        this.document = document;
    }

    /**
     * @param document     the loaded document (loaded from {@code pdf}'s bytes, so it can save incrementally)
     * @param perSignature validation data by {@code /VRI} key
     */
    static byte[] append(PDDocument document, Map<String, ValidationData> perSignature, Instant time)
            throws SigningException {
        try {
            return new DssWriter(document).write(perSignature, time);
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }

    private byte[] write(Map<String, ValidationData> perSignature, Instant time) throws IOException {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary old = catalog.getCOSDictionary(DssNames.DSS);
        COSDictionary dss = new COSDictionary();
        COSArray certs = copyOf(old, DssNames.CERTS);
        COSArray ocsps = copyOf(old, DssNames.OCSPS);
        COSArray crls = copyOf(old, DssNames.CRLS);
        COSDictionary vri = new COSDictionary();
        if (old != null && old.getCOSDictionary(DssNames.VRI) != null) {
            COSDictionary oldVri = old.getCOSDictionary(DssNames.VRI);
            for (COSName key : oldVri.keySet()) {
                vri.setItem(key, oldVri.getItem(key));
            }
        }
        for (Map.Entry<String, ValidationData> entry : perSignature.entrySet()) {
            ValidationData data = entry.getValue();
            COSDictionary item = new COSDictionary();
            item.setItem(DssNames.VRI_CERT, streamsFor(data.certificates(), certs));
            item.setItem(DssNames.VRI_OCSP, streamsFor(data.ocspResponses(), ocsps));
            item.setItem(DssNames.VRI_CRL, streamsFor(data.crls(), crls));
            item.setDate(DssNames.VRI_TIME, calendar(time));
            vri.setItem(COSName.getPDFName(entry.getKey()), item);
        }
        dss.setItem(DssNames.CERTS, certs);
        dss.setItem(DssNames.OCSPS, ocsps);
        dss.setItem(DssNames.CRLS, crls);
        dss.setItem(DssNames.VRI, vri);
        catalog.setItem(DssNames.DSS, dss);
        catalog.setNeedToBeUpdated(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
    }

    /** The streams for {@code items} (new ones also appended to {@code all}), for one {@code /VRI} entry. */
    private COSArray streamsFor(List<byte[]> items, COSArray all) throws IOException {
        COSArray references = new COSArray();
        for (byte[] der : items) {
            String key = ValidationData.key(der);
            COSBase stream = streams.get(key);
            if (stream == null) {
                stream = newStream(der);
                streams.put(key, stream);
                all.add(stream);
            }
            references.add(stream);
        }
        return references;
    }

    /** A new array holding the old one's items as they are (indirect references stay references). */
    private COSArray copyOf(COSDictionary old, COSName name) throws IOException {
        COSArray copy = new COSArray();
        COSArray existing = old == null ? null : old.getCOSArray(name);
        if (existing == null) {
            return copy;
        }
        for (int i = 0; i < existing.size(); i++) {
            COSBase raw = existing.get(i);
            copy.add(raw);
            if (existing.getObject(i) instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    streams.putIfAbsent(ValidationData.key(in.readAllBytes()), raw);
                }
            }
        }
        return copy;
    }

    private COSStream newStream(byte[] der) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(der);
        }
        return stream;
    }

    private static Calendar calendar(Instant time) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(time.toEpochMilli());
        return calendar;
    }

    static PDDocument load(byte[] pdf) throws SigningException {
        try {
            return SafePdf.start(PdfLimits.DEFAULT).open(pdf);
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }
}
