package jp.sitesign.model.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import jp.sitesign.model.document.testing.HostilePdfs;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.junit.jupiter.api.Test;

/** Documents made to exhaust a server or to act when opened are refused, each with a reason a user can act on. */
class HostilePdfCheckTest {
    private final PdfCheck check = new PdfCheck();

    @Test
    void aMegabyteWhoseObjectStreamInflatesToAGibibyteIsTooComplex() {
        byte[] bomb = HostilePdfs.objectStreamBomb(1024);
        assertThat(bomb.length).as("small enough to upload").isLessThan(2 * 1024 * 1024);

        assertRefused(bomb, ErrorCode.DOCUMENT_TOO_COMPLEX, "複雑すぎる");
    }

    @Test
    void aBombBehindARepeatedFilterIsMeasuredAsReadersDecodeIt() {
        assertRefused(HostilePdfs.objectStreamBombBehindARepeatedFilter(64), ErrorCode.DOCUMENT_TOO_COMPLEX,
                "複雑すぎる");
    }

    @Test
    void aCrossReferenceStreamThatInflatesToAGibibyteIsTooComplex() {
        assertRefused(HostilePdfs.crossReferenceBomb(1024), ErrorCode.DOCUMENT_TOO_COMPLEX, "複雑すぎる");
    }

    @Test
    void anObjectStreamJustWithinTheLimitIsFine() {
        assertThat(new PdfCheck(PdfCheck.DEFAULT_MAX_BYTES, new PdfLimits(64L << 20, 2L << 20, 1000,
                Duration.ofMinutes(10))).check(HostilePdfs.objectStreamBomb(1))).isEqualTo(1);
    }

    @Test
    void moreObjectsThanAllowedIsTooComplex() {
        byte[] thirtyPages = TestPdfs.multiPage(30);
        PdfLimits fewObjects = new PdfLimits(64L << 20, 32L << 20, 50, Duration.ofMinutes(10));

        assertThat(check.check(thirtyPages)).isEqualTo(30);
        assertThatThrownBy(() -> new PdfCheck(PdfCheck.DEFAULT_MAX_BYTES, fewObjects).check(thirtyPages))
                .isInstanceOfSatisfying(SiteSignException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX));
    }

    @Test
    void aCheckOutOfTimeIsTooComplex() {
        PdfLimits noTime = PdfLimits.DEFAULT.withTimeout(Duration.ZERO);

        assertThatThrownBy(() -> new PdfCheck(PdfCheck.DEFAULT_MAX_BYTES, noTime).check(TestPdfs.multiPage(1)))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
                    assertThat(e.code().httpStatus()).isEqualTo(422);
                    assertThat(e.messageEn()).contains("too complex");
                });
    }

    @Test
    void javaScriptThatRunsOnOpeningIsRefused() {
        assertRefused(HostilePdfs.javaScriptOnOpen(), ErrorCode.INVALID_DOCUMENT, "JavaScript");
    }

    @Test
    void aLinkThatLaunchesAProgramIsRefused() {
        assertRefused(HostilePdfs.launchLink(), ErrorCode.INVALID_DOCUMENT, "起動");
    }

    @Test
    void anEmbeddedProgramIsRefusedByItsName() {
        assertRefused(HostilePdfs.embeddedProgram("見積書.exe"), ErrorCode.INVALID_DOCUMENT, "実行ファイル（見積書.exe）");
    }

    @Test
    void aProgramAttachedToAPageUnderAnInnocentNameIsRefusedByItsContent() {
        assertRefused(HostilePdfs.programAttachedToPage("readme.txt"), ErrorCode.INVALID_DOCUMENT, "実行ファイル");
    }

    @Test
    void anEmbeddedTextFileIsFine() {
        assertThat(check.check(HostilePdfs.embeddedText())).isEqualTo(1);
    }

    @Test
    void aPageTreeClaimingMorePagesThanItHasIsRefusedNotCountedAsClaimed() {
        assertRefused(HostilePdfs.claimingPages(2, Integer.MAX_VALUE), ErrorCode.INVALID_DOCUMENT, "2147483647");
    }

    private void assertRefused(byte[] pdf, ErrorCode code, String japanese) {
        assertThatThrownBy(() -> check.check(pdf)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageJa()).contains(japanese);
            assertThat(e.messageEn()).isNotBlank();
        });
    }
}
