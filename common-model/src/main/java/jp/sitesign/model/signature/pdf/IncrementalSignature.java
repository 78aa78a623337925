package jp.sitesign.model.signature.pdf;

import jp.sitesign.model.document.EncryptedPdfException;
import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.signature.appearance.SealAppearance;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * One signature being added to a PDF by incremental update (earlier revisions stay byte for byte):
 * PDFBox's {@code addSignature} → {@code saveIncrementalForExternalSigning} → {@link #complete}.
 * The signing time ({@code /M}) and the seed of the new {@code /ID} are fixed by the caller, so a
 * second preparation with a larger {@code /Contents} differs only in that reservation.
 */
public final class IncrementalSignature implements AutoCloseable {
    private static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final COSName RFC3161 = COSName.getPDFName("ETSI.RFC3161");
    private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
    private static final TimeZone JST = TimeZone.getTimeZone("Asia/Tokyo");

    private final PDDocument document;
    private final SignatureOptions options;
    private final ByteArrayOutputStream output;
    private final ExternalSigningSupport external;
    private final int reservedBytes;

    private IncrementalSignature(PDDocument document, SignatureOptions options, ByteArrayOutputStream output,
                                 ExternalSigningSupport external, int reservedBytes) {
        this.document = document;
        this.options = options;
        this.output = output;
        this.external = external;
        this.reservedBytes = reservedBytes;
    }

    /**
     * Loads {@code pdf}, checks it may be signed, and writes the incremental update with an empty
     * {@code /Contents} of {@code reservedBytes}.
     *
     * @throws SigningException DOCUMENT_UNREADABLE, DOCUMENT_ENCRYPTED, DOCUMENT_LOCKED
     */
    public static IncrementalSignature prepare(byte[] pdf, SignatureAppearanceInfo info, Instant signingTime,
                                               int reservedBytes) throws SigningException {
        return prepare(pdf, info, signingTime, reservedBytes, null);
    }

    /**
     * As {@link #prepare(byte[], SignatureAppearanceInfo, Instant, int)}, with the signature shown on
     * a page as {@code visible} describes ({@code null}: invisible).
     *
     * @throws SigningException also APPEARANCE_FAILED
     */
    public static IncrementalSignature prepare(byte[] pdf, SignatureAppearanceInfo info, Instant signingTime,
                                               int reservedBytes, VisibleSignature visible) throws SigningException {
        return open(load(pdf), pdf.length, signatureDictionary(info, signingTime), signingTime, reservedBytes, true,
                visible);
    }

    /**
     * As {@link #prepare(byte[], SignatureAppearanceInfo, Instant, int, VisibleSignature)} on a document already
     * parsed by {@link #parseSignable}: the first preparation takes its parsed form over (no second parse of the
     * same bytes); a later one, with more room, parses the bytes again.
     */
    public static IncrementalSignature prepare(Parsed parsed, SignatureAppearanceInfo info, Instant signingTime,
                                               int reservedBytes, VisibleSignature visible) throws SigningException {
        return open(parsed.take(), parsed.pdf.length, signatureDictionary(info, signingTime), signingTime,
                reservedBytes, true, visible);
    }

    /**
     * Prepares a document timestamp ({@code /Type /DocTimeStamp}, SubFilter {@code ETSI.RFC3161}): its
     * {@code /Contents} takes an RFC 3161 token over the byte range. Adding one is not a change that a
     * certification signature forbids (PAdES treats it like {@code /DSS}), so DocMDP is not checked.
     *
     * @param time seeds the new {@code /ID}; the token brings the real time
     */
    public static IncrementalSignature prepareDocumentTimestamp(byte[] pdf, Instant time, int reservedBytes)
            throws SigningException {
        PDSignature timestamp = new PDSignature();
        timestamp.setType(DOC_TIME_STAMP);
        timestamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        timestamp.setSubFilter(RFC3161);
        return open(load(pdf), pdf.length, timestamp, time, reservedBytes, false, null);
    }

    /** Takes {@code document} over: it is closed with the result, or here when preparing fails. */
    private static IncrementalSignature open(PDDocument document, int pdfLength, PDSignature dictionary, Instant idSeed,
                                             int reservedBytes, boolean checkDocMdp, VisibleSignature visible)
            throws SigningException {
        SignatureOptions options = new SignatureOptions();
        try {
            if (checkDocMdp) {
                DocMdpCheck.requireSignable(document);
            }
            // PDFBox derives the incremental /ID from this seed instead of the wall clock.
            document.setDocumentId(idSeed.toEpochMilli());
            options.setPreferredSignatureSize(reservedBytes);
            if (visible != null) {
                options.setPage(SealAppearance.requirePage(document, visible));
            }
            document.addSignature(dictionary, options);
            if (visible != null) {
                SealAppearance.apply(document, widgetOf(document, dictionary), visible, idSeed);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream(pdfLength + 2 * reservedBytes + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(output);
            return new IncrementalSignature(document, options, output, external, reservedBytes);
        } catch (IOException e) {
            closeQuietly(document, options);
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        } catch (SigningException | RuntimeException e) {
            closeQuietly(document, options);
            throw e;
        }
    }

    /** The widget PDFBox made for the new signature field (invisible until the seal is applied). */
    private static PDAnnotationWidget widgetOf(PDDocument document, PDSignature dictionary) throws IOException {
        for (PDSignatureField field : document.getSignatureFields()) {
            PDSignature value = field.getSignature();
            if (value != null && value.getCOSObject() == dictionary.getCOSObject()) {
                return field.getWidgets().get(0);
            }
        }
        throw new IllegalStateException("PDFBox added no field for the new signature");
    }

    /**
     * Parses {@code pdf} and checks it may be signed (not unreadable, encrypted or locked by a certification
     * signature), without a key: a signer calls it before the PIN is asked, then prepares from the result.
     *
     * @throws SigningException DOCUMENT_UNREADABLE, DOCUMENT_ENCRYPTED, DOCUMENT_LOCKED
     */
    public static Parsed parseSignable(byte[] pdf) throws SigningException {
        PDDocument document = load(pdf);
        try {
            DocMdpCheck.requireSignable(document);
            return new Parsed(pdf, document);
        } catch (SigningException | RuntimeException e) {
            closeQuietly(document, null);
            throw e;
        }
    }

    /**
     * A PDF parsed and found signable. Its parsed form goes to the first preparation, which changes it (the new
     * signature field), so every later preparation parses the unchanged bytes afresh.
     */
    public static final class Parsed implements AutoCloseable {
        private final byte[] pdf;
        private PDDocument unused;

        private Parsed(byte[] pdf, PDDocument document) {
            this.pdf = pdf;
            this.unused = document;
        }

        private PDDocument take() throws SigningException {
            PDDocument document = unused;
            unused = null;
            return document != null ? document : load(pdf);
        }

        @Override
        public void close() {
            if (unused != null) {
                closeQuietly(unused, null);
                unused = null;
            }
        }
    }

    /** The bytes covered by {@code /ByteRange}: what the CMS signs. */
    public byte[] signedContent() throws SigningException {
        try (InputStream content = external.getContent()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }

    /** Whether a CMS of this many bytes fits in the reserved {@code /Contents}. */
    public boolean fits(int cmsLength) {
        return cmsLength <= reservedBytes;
    }

    /** Writes the CMS into {@code /Contents} and returns the complete signed PDF. */
    public byte[] complete(byte[] cms) throws SigningException {
        if (!fits(cms.length)) {
            throw new SigningException(SigningError.SIGNATURE_TOO_LARGE, cms.length);
        }
        try {
            external.setSignature(cms);
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
        return output.toByteArray();
    }

    @Override
    public void close() {
        closeQuietly(document, options);
    }

    private static PDDocument load(byte[] pdf) throws SigningException {
        try {
            return SafePdf.start(PdfLimits.DEFAULT).open(pdf);
        } catch (EncryptedPdfException e) {
            throw new SigningException(SigningError.DOCUMENT_ENCRYPTED);
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }

    private static PDSignature signatureDictionary(SignatureAppearanceInfo info, Instant signingTime) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(CADES_DETACHED);
        signature.setName(info.name());
        signature.setReason(info.reason());
        signature.setLocation(info.location());
        Calendar time = new GregorianCalendar(JST);
        time.setTimeInMillis(signingTime.toEpochMilli());
        signature.setSignDate(time);
        return signature;
    }

    private static void closeQuietly(PDDocument document, SignatureOptions options) {
        try {
            if (options != null) {
                options.close();
            }
            document.close();
        } catch (IOException e) {
            // In-memory document: closing frees buffers only; nothing the caller could do.
            System.getLogger(IncrementalSignature.class.getName())
                    .log(System.Logger.Level.DEBUG, "closing an in-memory PDF failed", e);
        }
    }
}
