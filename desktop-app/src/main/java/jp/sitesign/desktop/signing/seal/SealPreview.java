package jp.sitesign.desktop.signing.seal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import jp.sitesign.desktop.preview.RenderedPage;
import jp.sitesign.model.signature.appearance.SealAppearance;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The seal appearance (印影 with the signer's company, name and the time) exactly as the signature will draw it:
 * {@link SealAppearance} — the engine's own drawing — on a page the size of the seal, rendered by PDFBox with a
 * transparent background, for the signing dialog to lay over the page where the seal goes.
 */
public final class SealPreview {
    private SealPreview() {
    }

    /**
     * @param visible        the seal as the signature will carry it (its page and position do not matter here)
     * @param pixelsPerPoint how sharp the picture is drawn; the dialog scales it to the seal's size on screen
     */
    public static RenderedPage draw(VisibleSignature visible, float pixelsPerPoint) throws IOException {
        VisibleSignature alone = new VisibleSignature(1, 0, 0, visible.width(), visible.height(), visible.sealPng(),
                visible.signerName(), visible.company(), visible.title(), visible.font());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(visible.width(), visible.height()));
            document.addPage(page);
            PDAnnotationWidget widget = new PDAnnotationWidget();
            SealAppearance.apply(document, widget, alone, Instant.now());
            widget.setPage(page);
            page.getAnnotations().add(widget);
            BufferedImage image = new PDFRenderer(document).renderImage(0, pixelsPerPoint, ImageType.ARGB);
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            // JavaFX shows premultiplied ARGB: scale the colour by the alpha.
            for (int i = 0; i < argb.length; i++) {
                int a = argb[i] >>> 24;
                if (a != 255) {
                    int r = ((argb[i] >> 16) & 0xFF) * a / 255;
                    int g = ((argb[i] >> 8) & 0xFF) * a / 255;
                    int b = (argb[i] & 0xFF) * a / 255;
                    argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
                }
            }
            return new RenderedPage(0, Math.round(pixelsPerPoint * 1000), w, h, argb);
        } catch (SigningException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
