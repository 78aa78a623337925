package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Each rule of a {@code /ByteRange}, one at a time, on a small file written here: {@code [0 a b c]} with the gap
 * {@code a..b} exactly the {@code /Contents} hex string and {@code b + c} the end of a revision. A forged range
 * that breaks any one of them is refused with the rule it broke, and a range just inside each limit is not
 * refused for that limit.
 */
class ByteRangeCheckTest {
    private static final String BEFORE = "%PDF-1.7\n1 0 obj\n<< /Type /Sig /Contents ";
    private static final String AFTER = " >>\nendobj\ntrailer\n<< >>\n%%EOF\n";
    private static final byte[] CONTENTS = HexFormat.of().parseHex("0102ABCD");

    /** A file whose one signature's gap holds {@code gap} and whose one revision ends at its end. */
    private static byte[] file(String gap) {
        return (BEFORE + gap + AFTER).getBytes(StandardCharsets.US_ASCII);
    }

    private static String problem(byte[] pdf, int... range) {
        SignatureField field = new SignatureField("Signature1", SignatureKind.SIGNATURE, range, CONTENTS, null, null, null);
        return ByteRangeCheck.problem(pdf, field, Revisions.of(pdf));
    }

    /** The honest range of {@code file(gap)}: everything but the gap. */
    private static int[] honest(byte[] pdf, String gap) {
        int gapStart = BEFORE.length();
        int gapEnd = gapStart + gap.length();
        return new int[] {0, gapStart, gapEnd, pdf.length - gapEnd};
    }

    @Test
    void aRangeOverTheWholeRevisionButItsOwnContentsIsSound() {
        byte[] pdf = file("<0102ABCD>");

        assertThat(problem(pdf, honest(pdf, "<0102ABCD>"))).isNull();
        assertThat(problem(pdf, honest(pdf, "<0102ABCD>")[0], BEFORE.length(), BEFORE.length() + 10,
                pdf.length - BEFORE.length() - 10)).as("ending exactly at the end of the file").isNull();
    }

    @Test
    void aRangeOfOtherThanFourNumbersIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, range[0], range[1], range[2])).isEqualTo(
                "/ByteRange is not four numbers: [0, " + range[1] + ", " + range[2] + "]");
        assertThat(problem(pdf, range[0], range[1], range[2], range[3], 0)).startsWith("/ByteRange is not four numbers");
        assertThat(problem(pdf, (int[]) null)).isEqualTo("/ByteRange is not four numbers: null");
    }

    @Test
    void aRangeNotStartingAtTheFirstByteIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, 1, range[1], range[2], range[3])).contains("does not fit a file of " + pdf.length);
    }

    @Test
    void aGapAtTheFirstByteIsRefusedBeforeItsBytesAreRead() {
        byte[] pdf = ("<0102ABCD>" + AFTER).getBytes(StandardCharsets.US_ASCII);

        assertThat(problem(pdf, 0, 0, 10, pdf.length - 10)).contains("does not fit");
    }

    @Test
    void aGapShorterThanAHexStringIsRefused() {
        byte[] empty = file("<>");
        int gapStart = BEFORE.length();

        assertThat(problem(empty, 0, gapStart, gapStart + 1, empty.length - gapStart - 1)).contains("does not fit");
        assertThat(problem(empty, 0, gapStart, gapStart + 2, empty.length - gapStart - 2))
                .as("<> is a hex string, an empty one: not this signature's")
                .isEqualTo("the bytes left out by /ByteRange are not this signature's /Contents");
        assertThat(problem(empty, 0, gapStart, gapStart, empty.length - gapStart)).contains("does not fit");
    }

    @Test
    void aNegativeLengthOfTheSecondPartIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, range[0], range[1], range[2], -1)).contains("does not fit");
        assertThat(problem(pdf, range[0], range[1], range[2], 0))
                .as("an empty second part is a range that fits, but ends before the revision does")
                .isEqualTo("/ByteRange ends at byte " + range[2] + ", which is not the end of a revision");
    }

    @Test
    void aRangeReachingPastTheEndOfTheFileIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, range[0], range[1], range[2], range[3] + 1)).isEqualTo(
                "/ByteRange [0, " + range[1] + ", " + range[2] + ", " + (range[3] + 1) + "] does not fit a file of "
                        + pdf.length + " bytes");
    }

    @Test
    void aGapNotStartingAndEndingLikeAHexStringIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, range[0], range[1] + 1, range[2], range[3])).as("starting inside the string")
                .isEqualTo("the bytes left out by /ByteRange are not a hex string");
        assertThat(problem(pdf, range[0], range[1], range[2] - 1, range[3] + 1)).as("ending inside the string")
                .isEqualTo("the bytes left out by /ByteRange are not a hex string");
        assertThat(problem(pdf, range[0], range[1] - 1, range[2] + 1, range[3] - 1)).as("around the string")
                .isEqualTo("the bytes left out by /ByteRange are not a hex string");
    }

    @Test
    void aGapHoldingMoreThanTheContentsStringIsRefused() {
        String gap = "<0102> <ABCD>";
        byte[] pdf = file(gap);

        assertThat(problem(pdf, honest(pdf, gap)))
                .isEqualTo("the bytes left out by /ByteRange are not only the /Contents hex string");
    }

    @Test
    void aGapHoldingAnotherHexStringThanTheSignaturesContentsIsRefused() {
        byte[] pdf = file("<0102ABCE>");

        assertThat(problem(pdf, honest(pdf, "<0102ABCE>")))
                .isEqualTo("the bytes left out by /ByteRange are not this signature's /Contents");
    }

    @Test
    void aRangeEndingInsideARevisionIsRefused() {
        byte[] pdf = file("<0102ABCD>");
        int[] range = honest(pdf, "<0102ABCD>");

        assertThat(problem(pdf, range[0], range[1], range[2], range[3] - 1)).isEqualTo(
                "/ByteRange ends at byte " + (pdf.length - 1) + ", which is not the end of a revision");
    }
}
