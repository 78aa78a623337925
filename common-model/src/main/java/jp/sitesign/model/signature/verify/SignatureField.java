package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.cos.COSDictionary;

import java.time.Instant;

/**
 * One signature dictionary of the final document, as PDFBox reads it.
 *
 * @param fieldName  the field's fully qualified name
 * @param kind       signature or document timestamp
 * @param byteRange  the {@code /ByteRange} (four numbers when well formed)
 * @param contents   the {@code /Contents} string's bytes (with any zero padding)
 * @param claimed    {@code /M}, or {@code null}
 * @param field      the field dictionary
 * @param dictionary the signature dictionary
 */
record SignatureField(String fieldName, SignatureKind kind, int[] byteRange, byte[] contents, Instant claimed,
                      COSDictionary field, COSDictionary dictionary) {

    /** Where the signed revision ends: the end of the byte range's second part. */
    long signedEnd() {
        return byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : -1;
    }
}
