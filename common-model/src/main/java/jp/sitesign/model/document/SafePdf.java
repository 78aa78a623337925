package jp.sitesign.model.document;

import java.io.IOException;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The one way SiteSign opens a PDF it did not make itself — an upload, a signed version, a document to
 * verify — under {@link PdfLimits}: the file's size, what each stream decodes to (checked by decoding it once
 * without keeping the result, before PDFBox decodes it into memory), how many objects it defines, and a
 * deadline for the whole operation. Streams PDFBox writes (a signature, validation data) go to a scratch file
 * once they outgrow a little main memory. Objects are counted per document (one held in memory at a time,
 * give or take); time is counted for the whole operation.
 *
 * <p>Two rules of PDFBox's lenient reading are switched off because they decode or show what the limits and
 * the signature checks cannot see: the cross-reference data is read as written (a file that needs it rebuilt
 * is damaged, not repaired — and readers repair differently, so what they show would differ), and an object
 * the cross-reference data does not list is {@code null} as ISO 32000-1 7.3.10 says, never searched for in the
 * bytes (which would let an object appended after a signature replace a signed one). Encrypted documents are
 * refused before anything is decrypted.
 *
 * <p>One instance serves one operation and shares its deadline between every document the operation opens;
 * it is not for concurrent use. A limit passed throws {@link ErrorCode#DOCUMENT_TOO_COMPLEX} at once; PDFBox
 * swallows errors in some places, so callers end with {@link #checkLimits()}.
 */
public final class SafePdf {
    /** Streams PDFBox creates stay in memory up to this size, then go to a scratch file. */
    private static final long MAIN_MEMORY_BYTES = 4L * 1024 * 1024;
    private static final long MB = 1024 * 1024;

    private final PdfLimits limits;
    private final long deadline;
    private SiteSignException exceeded;

    private SafePdf(PdfLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    /** Starts an operation's allowance now. */
    public static SafePdf start(PdfLimits limits) {
        return new SafePdf(limits);
    }

    public PdfLimits limits() {
        return limits;
    }

    /**
     * Parses {@code pdf} under the limits. The document reads its objects lazily, still under them.
     *
     * @throws EncryptedPdfException if it is encrypted
     * @throws IOException           if it is not a readable PDF
     * @throws SiteSignException     {@link ErrorCode#DOCUMENT_TOO_COMPLEX} when a limit is passed, or
     *                               {@link ErrorCode#PAYLOAD_TOO_LARGE} when the file is over the size limit
     */
    public PDDocument open(byte[] pdf) throws IOException {
        checkLimits();
        if (pdf.length > limits.maxFileBytes()) {
            throw DocumentMessage.PDF_TOO_LARGE.exception(limits.maxFileBytes() / MB);
        }
        LimitedPdfParser parser = new LimitedPdfParser(new RandomAccessReadBuffer(pdf),
                MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES, limits.maxFileBytes()).streamCache, this);
        try {
            return parser.parse();
        } catch (StackOverflowError e) {
            throw exceed(DocumentMessage.TOO_COMPLEX_NESTING);
        }
    }

    /**
     * Throws {@link ErrorCode#DOCUMENT_TOO_COMPLEX} if a limit was passed during the operation (also where PDFBox
     * caught the error and carried on) or its time is up.
     */
    public void checkLimits() {
        if (exceeded != null) {
            throw exceeded;
        }
        if (System.nanoTime() - deadline > 0) {
            throw exceed(DocumentMessage.TOO_COMPLEX_SLOW, limits.timeout().toSeconds());
        }
    }

    /** Whether a limit was passed (so a failure PDFBox reported may really be that), without throwing. */
    public boolean limitPassed() {
        return exceeded != null || System.nanoTime() - deadline > 0;
    }

    /** The failure for a document that declares more objects than allowed. */
    SiteSignException tooManyObjects() {
        return exceed(DocumentMessage.TOO_COMPLEX_OBJECTS, limits.maxObjects());
    }

    /** The failure for a stream that decodes to more than allowed. */
    SiteSignException streamTooLarge(long limit) {
        String size = limit >= MB ? limit / MB + " MB" : limit + " bytes";
        return exceed(DocumentMessage.TOO_COMPLEX_STREAM, size);
    }

    private SiteSignException exceed(DocumentMessage detail, Object... args) {
        if (exceeded == null) {
            exceeded = new SiteSignException(ErrorCode.DOCUMENT_TOO_COMPLEX,
                    ErrorCode.DOCUMENT_TOO_COMPLEX.messageJa() + "（" + detail.ja(args) + "）",
                    ErrorCode.DOCUMENT_TOO_COMPLEX.messageEn() + " (" + detail.en(args) + ")");
        }
        return exceeded;
    }
}
