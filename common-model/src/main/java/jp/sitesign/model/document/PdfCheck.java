package jp.sitesign.model.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether bytes are a PDF SiteSign can take as a contract document: within the size limit, a complete
 * file (a truncated upload is refused even though PDFBox could often repair it: a signature must cover
 * exactly what the sender meant), parseable within the {@link PdfLimits} (else
 * {@link ErrorCode#DOCUMENT_TOO_COMPLEX}), not password-protected, with at least one page and a page count
 * that is true, and without active content (JavaScript, launch actions, embedded programs). The desktop app
 * runs the same check before it uploads, so both refuse with the same reason.
 */
public final class PdfCheck {
    /** 10 MiB per document by default. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final int EOF_WINDOW = 1024;

    private final long maxBytes;
    private final PdfLimits limits;

    public PdfCheck(long maxBytes, PdfLimits limits) {
        this.maxBytes = maxBytes;
        this.limits = limits;
    }

    public PdfCheck(long maxBytes) {
        this(maxBytes, PdfLimits.DEFAULT);
    }

    public PdfCheck() {
        this(DEFAULT_MAX_BYTES);
    }

    /** Returns the page count, or throws a {@link SiteSignException} that says what is wrong and what to do. */
    public int check(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw DocumentMessage.FILE_EMPTY.exception();
        }
        if (pdf.length > maxBytes) {
            throw DocumentMessage.UPLOAD_TOO_LARGE.exception(maxBytes / (1024 * 1024));
        }
        if (!startsWith(pdf, "%PDF-")) {
            throw DocumentMessage.NOT_A_PDF.exception();
        }
        if (!tailContains(pdf, "%%EOF")) {
            throw DocumentMessage.PDF_TRUNCATED.exception();
        }
        SafePdf reading = SafePdf.start(limits);
        try (PDDocument doc = reading.open(pdf)) {
            int pages = PageCount.of(doc, reading);
            ActiveContent.refuseIn(doc, reading);
            reading.checkLimits();
            return pages;
        } catch (EncryptedPdfException e) {
            throw DocumentMessage.PDF_PROTECTED.exception();
        } catch (IOException | RuntimeException e) {
            if (e instanceof SiteSignException s) {
                throw s;
            }
            // PDFBox may have failed because a limit stopped it halfway: that is the reason to give.
            reading.checkLimits();
            throw DocumentMessage.PDF_UNREADABLE.exception();
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        // Some producers put a few bytes of junk before the header; readers accept it within 1 KiB.
        for (int start = 0; start <= Math.min(EOF_WINDOW, data.length - p.length); start++) {
            if (matchesAt(data, p, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tailContains(byte[] data, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        for (int start = Math.max(0, data.length - EOF_WINDOW); start <= data.length - m.length; start++) {
            if (matchesAt(data, m, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] data, byte[] p, int start) {
        for (int i = 0; i < p.length; i++) {
            if (data[start + i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
