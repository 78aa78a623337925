package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TwoSigners;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version signed by upload is its base plus exactly one incremental update that the new signature covers
 * to the last byte and that holds the signature and nothing else a reader would show.
 */
class SignedVersionCheckTest {
    @TempDir
    static Path dir;
    static TwoSigners signers;

    private final SignedVersionCheck check = new SignedVersionCheck(new PadesVerifier(List.of(signers.ca().root()),
            Clock.systemUTC()));

    @BeforeAll
    static void createKeys() {
        signers = TwoSigners.create(dir, "SiteSign Test Upload CA");
    }

    @Test
    void theBasePlusOneSignatureIsAccepted() throws Exception {
        byte[] base = TestPdfs.multiPage(2);
        byte[] once = signers.alice(base);

        assertThat(check.check(base, once).identity().subject()).contains("CN=Alice");
        assertThat(check.check(once, signers.bob(once)).identity().subject()).contains("CN=Bob");
    }

    @Test
    void bytesAppendedAfterTheNewSignatureAreRefused() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = ShadowUpdates.appended(signers.alice(base), "\n7 0 obj\n(unsigned)\nendobj\n");

        assertRefused(base, signed, ErrorCode.INVALID_SIGNATURE, "文書全体を覆っていません");
    }

    @Test
    void aSecondUpdateAfterTheSignatureUpdateIsRefusedEvenIfItLooksHarmless() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = signers.alice(base);
        byte[] rewritten;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ShadowUpdates.pageTextRewritten("Contract amount: 99,999,999 yen").apply(document);
            document.saveIncremental(out);
            rewritten = out.toByteArray();
        }

        assertRefused(base, rewritten, ErrorCode.INVALID_SIGNATURE, "1 回だけ");
    }

    @Test
    void theFirstSignatureCannotBringAChangedPageWithItInItsOwnUpdate() {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signedAndChanged = ShadowUpdates.signedWithin(base, signers.aliceKeys(), TwoSigners.PASSWORD, "alice",
                ShadowUpdates.pageTextRewritten("Contract amount: 99,999,999 yen"));

        assertRefused(base, signedAndChanged, ErrorCode.INVALID_SIGNATURE, "署名以外の変更");
        assertThatThrownBy(() -> check.check(base, signedAndChanged)).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.messageEn()).contains("the content of page 1 was changed"));
    }

    @Test
    void aVersionTooComplexToReadIsRefusedAsSuch() throws Exception {
        byte[] base = TestPdfs.multiPage(1);
        byte[] signed = signers.alice(base);
        SignedVersionCheck hurried = new SignedVersionCheck(new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC(),
                PdfLimits.DEFAULT.withTimeout(Duration.ZERO)));

        assertThatThrownBy(() -> hurried.check(base, signed)).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX));
    }

    private void assertRefused(byte[] base, byte[] signed, ErrorCode code, String japanese) {
        assertThatThrownBy(() -> check.check(base, signed)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageJa()).contains(japanese);
            assertThat(e.messageEn()).isNotBlank();
        });
    }
}
