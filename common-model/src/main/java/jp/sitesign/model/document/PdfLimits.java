package jp.sitesign.model.document;

import java.time.Duration;

/**
 * How much of the machine one PDF that SiteSign did not make may take while it is read (see {@link SafePdf}).
 * A megabyte can inflate to a gigabyte, declare millions of objects or nest without end; these limits
 * turn such a document into a refusal instead of an exhausted server.
 *
 * @param maxFileBytes   the largest file read at all
 * @param maxStreamBytes the most one stream may decode to: PDFBox holds a decoded stream in memory whole
 * @param maxObjects     the most objects one document may declare: cross-reference entries, and apart from
 *                       them the objects packed into object streams (each becomes an object in memory)
 * @param timeout        how long one operation (a check, a verification) may spend reading its PDFs
 */
public record PdfLimits(long maxFileBytes, long maxStreamBytes, int maxObjects, Duration timeout) {
    /**
     * Generous for contract documents (a 10 MB upload, scanned pages, a few signatures) and far below
     * what hurts a server: 64 MB files, 32 MB per decoded stream (an A4 page scanned at 300 dpi in colour
     * is 26 MB), 300,000 objects, 20 seconds.
     */
    public static final PdfLimits DEFAULT = new PdfLimits(64L * 1024 * 1024, 32L * 1024 * 1024, 300_000,
            Duration.ofSeconds(20));

    public PdfLimits {
        if (maxFileBytes <= 0 || maxStreamBytes <= 0 || maxObjects <= 0 || timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("PDF limits must be positive: " + maxFileBytes + ", " + maxStreamBytes
                    + ", " + maxObjects + ", " + timeout);
        }
    }

    /** These limits with another time allowance. */
    public PdfLimits withTimeout(Duration newTimeout) {
        return new PdfLimits(maxFileBytes, maxStreamBytes, maxObjects, newTimeout);
    }
}
