package jp.sitesign.model.signature.timestamp;

import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When a PDF's archive timestamp has to be renewed by (DESIGN §6): the end of validity of the TSA certificate
 * that signed its newest document timestamp. After that date the timestamp can no longer be checked as made
 * by a valid TSA, so a new document timestamp ({@link jp.sitesign.model.signature.PadesExtender#addArchiveTimestamp})
 * must cover the document, and the old one's validation data, before it.
 */
public final class ArchiveTimestamps {
    private static final String RFC3161 = "ETSI.RFC3161";

    private ArchiveTimestamps() {
    }

    /**
     * The {@code notAfter} of the TSA certificate of the newest document timestamp (the one whose byte range
     * reaches furthest into the file), or empty when the PDF has no document timestamp.
     *
     * @throws SigningException DOCUMENT_UNREADABLE when the PDF or the timestamp token cannot be read, or the
     *                          token does not carry its TSA certificate
     */
    public static Optional<Instant> tsaCertificateExpiry(byte[] pdf) throws SigningException {
        PDSignature newest = null;
        long reach = -1;
        try (PDDocument document = SafePdf.start(PdfLimits.DEFAULT).open(pdf)) {
            for (PDSignature s : document.getSignatureDictionaries()) {
                int[] range = s.getByteRange();
                long end = range.length == 4 ? (long) range[2] + range[3] : -1;
                if (RFC3161.equals(s.getSubFilter()) && end > reach) {
                    newest = s;
                    reach = end;
                }
            }
            return newest == null ? Optional.empty() : Optional.of(tsaCertificate(newest.getContents()).getNotAfter()
                    .toInstant());
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }

    private static X509CertificateHolder tsaCertificate(byte[] contents) throws SigningException {
        try {
            // The stream constructor stops at the end of the DER and ignores the zero padding.
            TimeStampToken token = new TimeStampToken(new CMSSignedData(new ByteArrayInputStream(contents)));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                throw new SigningException(SigningError.DOCUMENT_UNREADABLE,
                        "a document timestamp does not carry its TSA certificate");
            }
            return matches.iterator().next();
        } catch (CMSException | TSPException | IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e,
                    "a document timestamp cannot be read: " + e.getMessage());
        }
    }
}
