package jp.sitesign.model.signature;

import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestSeals;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The visible signature: the seal and the Japanese text are drawn where asked, in IPA Gothic embedded
 * as a subset, and the signature stays valid — checked with poppler's pdftoppm, pdffonts and pdfsig.
 */
class VisibleSignatureTest {
    private static final String PASSWORD = "p12-secret";
    private static final float X = 300;
    private static final float Y = 100;
    private static final float WIDTH = 240;
    private static final float HEIGHT = 80;
    private static final int DPI = 72;

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
        alice = Pkcs12Files.writeValidSince(dir.resolve("alice.p12"), TestCa.create("SiteSign Test Seal CA"),
                TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD, SIGNING_TIME.minus(Duration.ofDays(1)));
    }

    @Test
    void theSealIsDrawnInTheChosenRectangleOnTheChosenPageAndTheSignatureStaysValid() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(3), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice").withAppearance(seal(2)));

        Path pdf = Files.write(dir.resolve("visible.pdf"), signed);
        IndependentChecks.assertValid(pdf, 1);
        BufferedImage page2 = render(pdf, 2);
        int inside = redPixels(page2, X, Y, WIDTH, HEIGHT);
        assertThat(inside).as("red seal pixels inside the rectangle").isGreaterThan(200);
        assertThat(redPixels(page2, 0, 0, X, page2.getHeight())).as("red pixels left of the rectangle").isZero();
        assertThat(redPixels(render(pdf, 1), 0, 0, 595, 842)).as("red pixels on page 1").isZero();
    }

    @Test
    void theTextFontIsIpaGothicEmbeddedAsASubset() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice").withAppearance(seal(1)));

        String fonts = ExternalTools.runOk(List.of("pdffonts", Files.write(dir.resolve("fonts.pdf"), signed).toString()), Map.of());
        assertThat(fonts.lines().filter(line -> line.contains("IPAGothic")))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line).matches("[A-Z]{6}\\+IPAGothic\\s.*");
                    assertThat(line).containsPattern("\\byes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");
                });
    }

    @Test
    void theTextShowsCompanyTitleNameAndTheJstDateAndCanBeExtracted() throws Exception {
        byte[] signed = signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice").withAppearance(seal(1)));

        String text = ExternalTools.runOk(List.of("pdftotext", "-layout",
                Files.write(dir.resolve("text.pdf"), signed).toString(), "-"), Map.of());
        // 2026-03-31T15:30Z is already 1 April in Japan.
        assertThat(text).contains("山田建設株式会社", "代表取締役", "山田 太郎", "2026年4月1日 00:30 JST");
    }

    @Test
    void aPageThatDoesNotExistIsAClearErrorBeforeAnythingIsSigned() {
        assertThatThrownBy(() -> signer.sign(TestPdfs.multiPage(1), new Pkcs12KeySource(alice), password(),
                SignatureRequest.basic("alice").withAppearance(seal(5))))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.APPEARANCE_FAILED);
                    assertThat(e.messageEn()).contains("page 5", "1 pages");
                });
    }

    private static VisibleSignature seal(int page) {
        return VisibleSignature.of(page, X, Y, WIDTH, HEIGHT, TestSeals.redRoundSeal(256),
                "山田 太郎", "山田建設株式会社", "代表取締役");
    }

    private static BufferedImage render(Path pdf, int page) throws IOException {
        Path prefix = dir.resolve(pdf.getFileName() + "-p" + page);
        ExternalTools.runOk(List.of("pdftoppm", "-f", String.valueOf(page), "-l", String.valueOf(page),
                "-r", String.valueOf(DPI), "-png", "-singlefile", pdf.toString(), prefix.toString()), Map.of());
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    /** Red-ish pixels in a rectangle given in PDF points from the lower-left corner (72 dpi: 1 pt = 1 px). */
    private static int redPixels(BufferedImage image, float x, float y, float width, float height) {
        int count = 0;
        int top = Math.max(0, Math.round(image.getHeight() - y - height));
        int bottom = Math.min(image.getHeight(), Math.round(image.getHeight() - y));
        for (int row = top; row < bottom; row++) {
            for (int column = Math.max(0, Math.round(x)); column < Math.min(image.getWidth(), Math.round(x + width)); column++) {
                int rgb = image.getRGB(column, row);
                int red = (rgb >> 16) & 0xFF;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                if (red > 150 && green < 100 && blue < 100) {
                    count++;
                }
            }
        }
        return count;
    }

    private static PinCallback password() {
        return what -> PASSWORD.toCharArray();
    }
}
