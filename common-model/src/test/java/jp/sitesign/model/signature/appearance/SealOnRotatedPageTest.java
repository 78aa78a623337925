package jp.sitesign.model.signature.appearance;

import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestSeals;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * On a page with /Rotate the seal reads upright on screen: rendered by PDFBox (which applies the page's
 * rotation like any viewer), the red seal is on the left of the box the user placed, the text lines run
 * to its right and are wider than tall, and pdfsig and qpdf still find a valid signature.
 */
class SealOnRotatedPageTest {
    private static final String PASSWORD = "p12-secret";
    /** The seal's box as the user sees it on the turned page: 240 × 80 points. */
    private static final float SHOWN_WIDTH = 240;
    private static final float SHOWN_HEIGHT = 80;

    @TempDir
    static Path dir;
    static Path alice;

    private static final Instant SIGNING_TIME = Instant.parse("2026-03-31T15:30:00Z");
    private final PadesSigner signer = new PadesSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));

    @BeforeAll
    static void requireFontAndKey() {
        if (!Files.isReadable(VisibleSignature.IPA_GOTHIC)) {
            fail("IPA Gothic is not installed; install it with: apt-get install -y fonts-ipafont-gothic");
        }
        alice = Pkcs12Files.writeValidSince(dir.resolve("alice.p12"), TestCa.create("SiteSign Rotated Seal CA"),
                TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD, SIGNING_TIME.minus(Duration.ofDays(1)));
    }

    @ParameterizedTest(name = "/Rotate {0}")
    @ValueSource(ints = {0, 90, 180, 270})
    void theSealSitsLeftOfHorizontalTextAsTheReaderSeesThePage(int rotation) throws Exception {
        boolean sidesSwap = rotation % 180 != 0;
        // user space: the shown box's sides swap on a page turned by 90° or 270°
        float width = sidesSwap ? SHOWN_HEIGHT : SHOWN_WIDTH;
        float height = sidesSwap ? SHOWN_WIDTH : SHOWN_HEIGHT;
        VisibleSignature seal = VisibleSignature.of(1, 200, 300, width, height, TestSeals.redRoundSeal(256),
                "山田 太郎", "山田建設株式会社", "代表取締役");

        byte[] signed = signer.sign(blankPage(rotation), new Pkcs12KeySource(alice), what -> PASSWORD.toCharArray(),
                SignatureRequest.basic("alice").withAppearance(seal));

        IndependentChecks.assertValid(Files.write(dir.resolve("rotated-" + rotation + ".pdf"), signed), 1);
        BufferedImage shown = render(signed);
        Rectangle red = bounds(shown, SealOnRotatedPageTest::isRed);
        Rectangle ink = bounds(shown, SealOnRotatedPageTest::isDark);
        assertThat(red).as("red seal pixels").isNotNull();
        assertThat(ink).as("text pixels").isNotNull();
        assertThat(red.getMaxX()).as("the seal ends left of where the text starts").isLessThanOrEqualTo(ink.getMinX());
        assertThat(ink.width).as("the text lines run left to right").isGreaterThan(ink.height);
        Rectangle all = red.union(ink);
        assertThat(all.width).as("the whole appearance is wider than tall, as placed").isGreaterThan(2 * all.height);
    }

    private static byte[] blankPage(int rotation) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
            document.addPage(page);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The first page as a viewer shows it, at 72 dpi (one pixel a point). */
    private static BufferedImage render(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 72);
        }
    }

    private interface PixelTest {
        boolean test(int red, int green, int blue);
    }

    private static Rectangle bounds(BufferedImage image, PixelTest test) {
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (test.test((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)) {
                    Rectangle pixel = new Rectangle(x, y, 1, 1);
                    bounds = bounds == null ? pixel : bounds.union(pixel);
                }
            }
        }
        return bounds;
    }

    private static boolean isRed(int red, int green, int blue) {
        return red > 150 && green < 100 && blue < 100;
    }

    private static boolean isDark(int red, int green, int blue) {
        return red < 90 && green < 90 && blue < 90;
    }
}
