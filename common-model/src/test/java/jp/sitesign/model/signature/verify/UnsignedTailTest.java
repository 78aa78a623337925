package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.testing.ShadowUpdates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What follows the last signed revision, on documents made by hand so each test picks where every signature's
 * byte range ends: a revision that changes nothing after it is unsigned data (named by its number and size), a
 * revision the last signature covers to the file's last byte leaves nothing, a byte range that ends where no
 * revision ends (or past the file) marks no revision as signed, and a {@code %%EOF} inside a stream is no
 * revision one could read — its cut is unsigned data too. No signature here needs to verify: the tail is found
 * from the byte ranges alone.
 */
class UnsignedTailTest {
    @Test
    void aRevisionThatChangesNothingAfterTheLastSignedOneIsUnsignedDataNamedBySizeAndNumber() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        // The second byte range ends five bytes before the end of the file, where no revision ends.
        d.ending(d.e2(), d.e3() - 5);

        assertThat(UnsignedTail.of(HandMadeSignatures.context(d.pdf))).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.UNSIGNED_DATA);
            assertThat(change.allowed()).isFalse();
            assertThat(change.what()).isEqualTo("revision 3 (" + (d.e3() - d.e2()) + " bytes) adds nothing but unsigned data");
        });
    }

    @Test
    void aByteRangeEndingWhereNoRevisionEndsMarksNothingAsSigned() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e3() - 5, d.e3() - 7);

        assertThat(UnsignedTail.of(HandMadeSignatures.context(d.pdf))).isEmpty();
    }

    @Test
    void aByteRangeReachingPastTheFileMarksNothingAsSigned() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e2(), d.e3() + 10);

        assertThat(UnsignedTail.of(HandMadeSignatures.context(d.pdf))).extracting(Change::what)
                .containsExactly("revision 3 (" + (d.e3() - d.e2()) + " bytes) adds nothing but unsigned data");
    }

    @Test
    void aSignatureCoveringTheFileToItsLastByteLeavesNoUnsignedTail() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e1(), d.e3());

        assertThat(UnsignedTail.of(HandMadeSignatures.context(d.pdf))).isEmpty();
    }

    @Test
    void whiteSpaceAfterTheLastRevisionIsNoDataButAnythingElseIs() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures();
        d.ending(d.e1(), d.e3());
        byte[] spaced = ShadowUpdates.appended(d.pdf, "\r\n \t\f\0\n");
        byte[] marked = ShadowUpdates.appended(d.pdf, "\n%");

        assertThat(UnsignedTail.of(HandMadeSignatures.context(spaced))).isEmpty();
        assertThat(UnsignedTail.of(HandMadeSignatures.context(marked))).extracting(Change::kind, Change::what)
                .containsExactly(org.assertj.core.api.Assertions.tuple(ChangeKind.UNSIGNED_DATA,
                        "2 bytes after the end of the last revision"));
    }

    @Test
    void aMarkerInsideAStreamIsNoReadableRevisionSoBothItsPartsAreUnsigned() throws Exception {
        HandMadeSignatures d = new HandMadeSignatures().withMarkerInStream();
        d.ending(d.e1(), d.e2());
        long fake = d.fakeEnd();
        assertThat(Revisions.of(d.pdf).ends()).containsExactly(d.e1(), d.e2(), fake, d.e3());

        assertThat(UnsignedTail.of(HandMadeSignatures.context(d.pdf))).extracting(Change::what).containsExactly(
                "revision 3 (" + (fake - d.e2()) + " bytes) adds nothing but unsigned data",
                "revision 4 (" + (d.e3() - fake) + " bytes) adds nothing but unsigned data");
    }
}
