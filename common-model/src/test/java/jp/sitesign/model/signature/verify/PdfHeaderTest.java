package jp.sitesign.model.signature.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file that cannot be read is "damaged" if it says it is a PDF — {@code %PDF-} starting within its first 1024
 * bytes, where readers look for it — and "not a PDF" otherwise; the limit is exact to the byte.
 */
class PdfHeaderTest {
    private final PadesVerifier verifier = new PadesVerifier(List.of(), Clock.systemUTC());

    @Test
    void aHeaderEndingAtByte1024IsAPdfHeader() {
        assertReason(withHeaderAt(1024 - 5), VerificationException.Reason.DAMAGED);
    }

    @Test
    void aHeaderStartingOneByteLaterIsNone() {
        assertReason(withHeaderAt(1024 - 4), VerificationException.Reason.NOT_PDF);
    }

    @Test
    void aFileThatIsTheHeaderAloneIsADamagedPdf() {
        assertReason("%PDF-".getBytes(StandardCharsets.US_ASCII), VerificationException.Reason.DAMAGED);
        assertReason("%PDF".getBytes(StandardCharsets.US_ASCII), VerificationException.Reason.NOT_PDF);
    }

    /** {@code offset} bytes of junk, {@code %PDF-1.7} and more junk: a header, but no PDF behind it. */
    private static byte[] withHeaderAt(int offset) {
        byte[] junk = new byte[offset];
        Arrays.fill(junk, (byte) 'x');
        return (new String(junk, StandardCharsets.US_ASCII) + "%PDF-1.7\n" + "y".repeat(2000))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void assertReason(byte[] pdf, VerificationException.Reason reason) {
        assertThatThrownBy(() -> verifier.verify(pdf)).isInstanceOfSatisfying(VerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
