package jp.sitesign.model.signature.appearance;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.time.JapanTime;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link VisibleSignature} as the normal appearance of a signature widget. The font is
 * embedded as a subset (PDFBox subsets it when the signed revision is written), so the text shows
 * the same everywhere without shipping the whole font. On a page with /Rotate the drawing is turned back
 * through the form's /Matrix, so the seal sits left of the text and both read upright on screen; the
 * {@link VisibleSignature}'s rectangle stays in the unrotated page's user space.
 */
public final class SealAppearance {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm 'JST'")
            .withZone(JapanTime.ZONE);
    private static final float PADDING = 3;
    private static final float LEADING = 1.25f;

    private SealAppearance() {
    }

    /**
     * @return the 0-based index of the page {@code visible} names
     * @throws SigningException APPEARANCE_FAILED if the document has no such page
     */
    public static int requirePage(PDDocument document, VisibleSignature visible) throws SigningException {
        int pages = document.getNumberOfPages();
        if (visible.pageNumber() < 1 || visible.pageNumber() > pages) {
            throw new SigningException(SigningError.APPEARANCE_FAILED,
                    "page " + visible.pageNumber() + " does not exist; the document has " + pages + " pages");
        }
        return visible.pageNumber() - 1;
    }

    /** Places {@code widget} at the rectangle and gives it the seal-and-text appearance. */
    public static void apply(PDDocument document, PDAnnotationWidget widget, VisibleSignature visible,
                             Instant signingTime) throws SigningException {
        if (!Files.isReadable(visible.font())) {
            throw new SigningException(SigningError.APPEARANCE_FAILED, "font " + visible.font()
                    + " is missing (Debian: apt-get install -y fonts-ipafont-gothic)");
        }
        try {
            PDFont font = PDType0Font.load(document, visible.font().toFile());
            PDImageXObject seal = PDImageXObject.createFromByteArray(document, visible.sealPng(), "seal");
            int rotation = pageRotation(document, visible);
            boolean sidesSwap = rotation == 90 || rotation == 270;
            // The form is drawn as the reader sees it (upright on screen); on a turned page its sides swap.
            float width = sidesSwap ? visible.height() : visible.width();
            float height = sidesSwap ? visible.width() : visible.height();
            PDAppearanceStream stream = new PDAppearanceStream(document);
            stream.setBBox(new PDRectangle(width, height));
            stream.setMatrix(upright(rotation, width, height));
            stream.setResources(new PDResources());
            try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
                float sealSize = Math.min(height, width / 3) - 2 * PADDING;
                content.drawImage(seal, PADDING, (height - sealSize) / 2, sealSize, sealSize);
                drawText(content, font, lines(visible, signingTime), sealSize + 3 * PADDING, width, height);
            }
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(stream);
            widget.setRectangle(new PDRectangle(visible.x(), visible.y(), visible.width(), visible.height()));
            widget.setAppearance(appearance);
        } catch (IOException | IllegalArgumentException e) {
            throw new SigningException(SigningError.APPEARANCE_FAILED, e, e.getMessage());
        }
    }

    /** The page's /Rotate as 0, 90, 180 or 270 (the display turns the page clockwise by it). */
    private static int pageRotation(PDDocument document, VisibleSignature visible) {
        return Math.floorMod(document.getPage(visible.pageNumber() - 1).getRotation(), 360) / 90 * 90;
    }

    /**
     * The form matrix that turns the upright drawing ({@code width × height}) counter-clockwise by the page's
     * rotation, so the viewer's clockwise turn of the page shows it upright again. The translation keeps the
     * turned box at the origin; the widget's rectangle then places it (PDF 32000-1, 12.5.5).
     */
    static AffineTransform upright(int rotation, float width, float height) {
        return switch (rotation) {
            case 90 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 270 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> new AffineTransform();
        };
    }

    static List<String> lines(VisibleSignature visible, Instant signingTime) {
        List<String> lines = new ArrayList<>();
        if (visible.company() != null) {
            lines.add(visible.company());
        }
        lines.add(visible.title() == null ? visible.signerName() : visible.title() + "　" + visible.signerName());
        lines.add(DATE.format(signingTime));
        return lines;
    }

    /** The lines top to bottom, at the largest size that fits both the height and the widest line. */
    private static void drawText(PDPageContentStream content, PDFont font, List<String> lines, float left,
                                 float boxWidth, float boxHeight) throws IOException {
        float width = boxWidth - left - PADDING;
        float size = (boxHeight - 2 * PADDING) / (lines.size() * LEADING);
        for (String line : lines) {
            float lineWidth = font.getStringWidth(line) / 1000;
            if (lineWidth > 0) {
                size = Math.min(size, width / lineWidth);
            }
        }
        content.beginText();
        content.setFont(font, size);
        content.setLeading(size * LEADING);
        content.newLineAtOffset(left, boxHeight - PADDING - size);
        for (String line : lines) {
            content.showText(line);
            content.newLine();
        }
        content.endText();
    }
}
