package jp.sitesign.desktop.signing.seal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * What a page's drawing shows of its user space: the crop box (lower-left corner and size, in points) turned
 * clockwise by {@code /Rotate}, exactly as PDFBox's renderer (and every viewer) draws it.
 *
 * @param rotation 0, 90, 180 or 270
 */
public record PageGeometry(float cropX, float cropY, float cropWidth, float cropHeight, int rotation) {
    public PageGeometry {
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("rotation " + rotation);
        }
        rotation = ((rotation % 360) + 360) % 360;
    }

    public boolean sideways() {
        return rotation == 90 || rotation == 270;
    }

    /** The drawing's width in points (rotation applied). */
    public float displayWidth() {
        return sideways() ? cropHeight : cropWidth;
    }

    public float displayHeight() {
        return sideways() ? cropWidth : cropHeight;
    }

    /** Every page's geometry; PDFBox clips the crop box to the media box as the renderer does. */
    public static List<PageGeometry> read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PageGeometry> out = new ArrayList<>(document.getNumberOfPages());
            for (PDPage page : document.getPages()) {
                PDRectangle crop = page.getCropBox();
                out.add(new PageGeometry(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(), crop.getHeight(),
                        page.getRotation()));
            }
            return out;
        }
    }
}
