package jp.sitesign.desktop.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF drawn by PDFBox's {@link PDFRenderer}: white paper, the crop box, page rotation applied. */
public final class PdfBoxPageSource implements PageSource {
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfBoxPageSource(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /** Opens {@code pdf}; the file is read as pages are needed, not all at once. */
    public static PdfBoxPageSource open(Path pdf) throws IOException {
        return new PdfBoxPageSource(Loader.loadPDF(pdf.toFile()));
    }

    /** Opens a PDF held in memory. */
    public static PdfBoxPageSource open(byte[] pdf) throws IOException {
        return new PdfBoxPageSource(Loader.loadPDF(pdf));
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public PageSize pageSize(int pageIndex) {
        PDPage page = document.getPage(pageIndex);
        PDRectangle box = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        return sideways ? new PageSize(box.getHeight(), box.getWidth()) : new PageSize(box.getWidth(), box.getHeight());
    }

    @Override
    public RenderedPage render(int pageIndex, int scaleKey) throws IOException {
        BufferedImage image = renderer.renderImage(pageIndex, scaleKey / 1000f, ImageType.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb;
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getData().length == w * h) {
            argb = ints.getData();
        } else {
            argb = image.getRGB(0, 0, w, h, null, 0, w);
        }
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000; // RGB pixels carry no alpha byte; the page is opaque
        }
        return new RenderedPage(pageIndex, scaleKey, w, h, argb);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /**
     * Draws a small generated page once, so PDFBox's and Java2D's one-time start-up (class loading, font
     * set-up: several hundred milliseconds in a fresh JVM) is paid before the user opens a document.
     */
    public static void warmUp() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(20, 200);
                text.showText("SiteSign");
                text.endText();
                text.addRect(20, 20, 100, 50);
                text.stroke();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PdfBoxPageSource source = open(pdf)) {
            source.render(0, 1000);
        }
    }
}
