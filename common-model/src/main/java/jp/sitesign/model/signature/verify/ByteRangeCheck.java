package jp.sitesign.model.signature.verify;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks that a {@code /ByteRange} is {@code [0 a b c]} with the gap {@code a..b} holding exactly the
 * {@code /Contents} hex string (and nothing else), and that {@code b + c} is the end of a revision:
 * then the signature covers its whole revision except its own value.
 */
final class ByteRangeCheck {
    private ByteRangeCheck() {
    }

    /** @return {@code null} if the range is sound, else what is wrong with it */
    static String problem(byte[] pdf, SignatureField field, Revisions revisions) {
        int[] range = field.byteRange();
        if (range == null || range.length != 4) {
            return "/ByteRange is not four numbers: " + Arrays.toString(range);
        }
        long gapStart = range[1];
        long gapEnd = range[2];
        long end = field.signedEnd();
        if (range[0] != 0 || gapStart <= 0 || gapEnd <= gapStart + 1 || range[3] < 0 || end > pdf.length) {
            return "/ByteRange " + Arrays.toString(range) + " does not fit a file of " + pdf.length + " bytes";
        }
        if (pdf[(int) gapStart] != '<' || pdf[(int) gapEnd - 1] != '>') {
            return "the bytes left out by /ByteRange are not a hex string";
        }
        byte[] gap;
        try {
            gap = HexFormat.of().parseHex(new String(pdf, (int) gapStart + 1, (int) (gapEnd - gapStart - 2),
                    java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return "the bytes left out by /ByteRange are not only the /Contents hex string";
        }
        if (!Arrays.equals(gap, field.contents())) {
            return "the bytes left out by /ByteRange are not this signature's /Contents";
        }
        if (revisions.revisionEndingAt(end) == 0) {
            return "/ByteRange ends at byte " + end + ", which is not the end of a revision";
        }
        return null;
    }
}
