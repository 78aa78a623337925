package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where revisions end: right after each {@code %%EOF} and its end-of-line, whichever of CR, LF or CR LF a writer
 * used, or none at the very end of the file. A signature's {@code /ByteRange} must end at one of these, so an
 * end found one byte off would refuse honest signatures or accept a range that leaves out the end-of-line.
 */
class RevisionsTest {
    private static Revisions of(String pdf) {
        return Revisions.of(pdf.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aRevisionEndsAfterItsMarkerAndItsEndOfLine() {
        assertThat(of("%PDF-1.7\n%%EOF\n").ends()).containsExactly(15L);
        assertThat(of("%PDF-1.7\n%%EOF\r\n").ends()).containsExactly(16L);
        assertThat(of("%PDF-1.7\n%%EOF\r").ends()).containsExactly(15L);
        assertThat(of("%PDF-1.7\n%%EOF").ends()).as("a marker at the very end of the file").containsExactly(14L);
        assertThat(of("%PDF-1.7\n%%EOF\n\n").ends()).as("one end-of-line only").containsExactly(15L);
        assertThat(of("%PDF-1.7\n%%EOF\n\r").ends()).as("LF CR is an LF and then something else").containsExactly(15L);
    }

    @Test
    void eachIncrementalUpdateIsOneMoreRevision() {
        Revisions revisions = of("%PDF-1.7\n%%EOF\nupdate\n%%EOF\r\nsecond%%EOF");

        assertThat(revisions.count()).isEqualTo(3);
        assertThat(revisions.ends()).containsExactly(15L, 29L, 40L);
        assertThat(revisions.revisionEndingAt(15)).isEqualTo(1);
        assertThat(revisions.revisionEndingAt(29)).isEqualTo(2);
        assertThat(revisions.revisionEndingAt(40)).isEqualTo(3);
        assertThat(revisions.revisionEndingAt(28)).as("inside the end-of-line").isZero();
        assertThat(revisions.revisionEndingAt(14)).isZero();
    }

    @Test
    void aPartialMarkerIsNoRevision() {
        assertThat(of("%PDF-1.7\n%%EO").count()).isZero();
        assertThat(of("%PDF-1.7\n%%EOX\n%EOF\n").count()).isZero();
        assertThat(of("%%EOF%%EOF").ends()).containsExactly(5L, 10L);
    }
}
