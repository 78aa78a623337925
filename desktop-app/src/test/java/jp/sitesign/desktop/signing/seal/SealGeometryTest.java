package jp.sitesign.desktop.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import jp.sitesign.desktop.signing.seal.SealGeometry.Box;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Pixel on the drawing → PDF user space: checked by hand on simple cases and against PDFBox's own renderer on
 * cropped, offset and rotated pages (a dark mark drawn at a known user-space point is found in the drawing and
 * mapped back).
 */
class SealGeometryTest {
    /** A4-ish media box whose crop box starts at (50, 100): what scanned and imposed PDFs often have. */
    private static final PageGeometry CROPPED = new PageGeometry(50, 100, 500, 700, 0);

    @Test
    void anUnrotatedPageRunsFromTheCropBoxCornerWithYUpwards() {
        assertThat(SealGeometry.displayToUser(CROPPED, 0, 0)).containsExactly(50, 800);
        assertThat(SealGeometry.displayToUser(CROPPED, 500, 700)).containsExactly(550, 100);
        assertThat(SealGeometry.displayToUser(CROPPED, 100, 200)).containsExactly(150, 600);
    }

    @Test
    void aQuarterTurnedPageIsShownSidewaysAndItsTopLeftIsTheUnrotatedTopRight() {
        PageGeometry page = new PageGeometry(50, 100, 500, 700, 90);
        assertThat(page.displayWidth()).isEqualTo(700);
        assertThat(page.displayHeight()).isEqualTo(500);
        // /Rotate 90 turns the page clockwise: the unrotated lower-left shows at the top-left
        assertThat(SealGeometry.displayToUser(page, 0, 0)).containsExactly(50, 100);
        assertThat(SealGeometry.displayToUser(page, 700, 500)).containsExactly(550, 800);
    }

    @Test
    void aSealOnASidewaysPageHasItsSidesSwappedInUserSpace() {
        PageGeometry page = new PageGeometry(0, 0, 595, 842, 270);
        Box user = SealGeometry.displayToUser(page, new Box(100, 50, 200, 60));
        assertThat(user.width()).isEqualTo(60);
        assertThat(user.height()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void userToDisplayUndoesDisplayToUser(int rotation) {
        PageGeometry page = new PageGeometry(-20, 35, 400, 300, rotation);
        double[] user = SealGeometry.displayToUser(page, 123, 45);
        assertThat(SealGeometry.userToDisplay(page, user[0], user[1])).containsExactly(new double[] {123, 45},
                within(1e-9));
    }

    @Test
    void zoomOnlyScalesPixelsToPoints() {
        // the page drawn 1000 px wide (twice its 500 pt): pixel (300, 400) is point (150, 200)
        assertThat(SealGeometry.pixelToDisplay(CROPPED, 300, 400, 1000)).containsExactly(150, 200);
    }

    @Test
    void aClickNearTheEdgeKeepsTheWholeSealOnThePage() {
        Box box = SealGeometry.centredOnPage(CROPPED, 495, 5, 200, 60);
        assertThat(box).isEqualTo(new Box(300, 0, 200, 60));
        Box user = SealGeometry.displayToUser(CROPPED, box);
        assertThat(user).isEqualTo(new Box(350, 740, 200, 60));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void aPixelOfPdfBoxsDrawingMapsBackToTheUserSpacePointDrawnThere(int rotation) throws IOException {
        float markX = 180;
        float markY = 260;
        byte[] pdf = markedPage(rotation, markX, markY);
        PageGeometry page = PageGeometry.read(pdf).get(0);
        float scale = 1.5f;
        BufferedImage image;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(doc).renderImage(0, scale);
        }
        assertThat(image.getWidth()).isEqualTo(Math.round(page.displayWidth() * scale));

        double[] centre = darkCentre(image);
        double[] d = SealGeometry.pixelToDisplay(page, centre[0], centre[1], image.getWidth());
        double[] user = SealGeometry.displayToUser(page, d[0], d[1]);

        assertThat(user[0]).as("x").isCloseTo(markX, within(1.0));
        assertThat(user[1]).as("y").isCloseTo(markY, within(1.0));
    }

    /** A page with media box (0,0,600,800), crop box from (40,60), a 10-point black square centred on the mark. */
    static byte[] markedPage(int rotation, float markX, float markY) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(600, 800));
            page.setCropBox(new PDRectangle(40, 60, 500, 700));
            page.setRotation(rotation);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.addRect(markX - 5, markY - 5, 10, 10);
                content.fill();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static double[] darkCentre(BufferedImage image) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }
        assertThat(n).as("dark pixels of the mark").isGreaterThan(100);
        return new double[] {sx / n, sy / n};
    }

    @Test
    void geometryIsReadForEveryPage() throws IOException {
        List<PageGeometry> pages = PageGeometry.read(markedPage(90, 100, 100));
        assertThat(pages).containsExactly(new PageGeometry(40, 60, 500, 700, 90));
    }
}
