package jp.sitesign.desktop.contracts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import jp.sitesign.desktop.preview.PageSize;
import jp.sitesign.desktop.preview.PageSource;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.RenderedPage;

/**
 * Prints a PDF through JavaFX's {@link PrinterJob}: the printer and its dialog are the operating system's on
 * Linux (CUPS), Windows and macOS alike, with no AWT in a JavaFX app. Each page is drawn by PDFBox at
 * {@link #PRINT_DPI} — sharp on paper, one page in memory at a time — and fitted into the paper's printable
 * area, its proportions kept, never enlarged beyond its own size. {@link #plan} says which sheets a job gets,
 * so that is testable without a printer. (It builds scene-graph nodes, so it lives beside the screens, not in the
 * renderer's package.)
 */
public final class PdfPrinting {
    /** 200 dpi: an A4 page is 1654 × 2339 pixels (15 MB), sharp enough for contract text. */
    static final double PRINT_DPI = 200;

    private PdfPrinting() {
    }

    /**
     * One printed sheet.
     *
     * @param pageIndex the PDF page, from 0
     * @param width     its width on paper, in points (1/72 inch)
     * @param height    its height on paper, in points
     */
    public record Sheet(int pageIndex, double width, double height) {
    }

    /** Every page in order, each fitted into {@code printableWidth × printableHeight} points. */
    public static List<Sheet> plan(PageSource source, double printableWidth, double printableHeight)
            throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 0; i < source.pageCount(); i++) {
            PageSize size = source.pageSize(i);
            double scale = Math.min(1.0, Math.min(printableWidth / size.widthPt(), printableHeight / size.heightPt()));
            sheets.add(new Sheet(i, size.widthPt() * scale, size.heightPt() * scale));
        }
        return sheets;
    }

    /** The sheet's page drawn at {@link #PRINT_DPI}, sized as it goes on paper (in points). */
    public static Node node(PageSource source, Sheet sheet) throws IOException {
        RenderedPage page = source.render(sheet.pageIndex(), (int) Math.round(PRINT_DPI / 72.0 * 1000));
        ImageView view = new ImageView(PreviewView.toImage(page));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(sheet.width());
        view.setFitHeight(sheet.height());
        return view;
    }

    /**
     * Prints every page of {@code pdf} on {@code job} (the user has chosen the printer in its dialog) and ends
     * the job. May run off the UI thread: the printed nodes are in no scene.
     *
     * @return the number of pages printed; -1 if the printer refused a page (the job is cancelled)
     */
    public static int print(PrinterJob job, byte[] pdf) throws IOException {
        PageLayout layout = job.getJobSettings().getPageLayout();
        try (PdfBoxPageSource source = PdfBoxPageSource.open(pdf)) {
            List<Sheet> sheets = plan(source, layout.getPrintableWidth(), layout.getPrintableHeight());
            for (Sheet sheet : sheets) {
                if (!job.printPage(layout, node(source, sheet))) {
                    job.cancelJob();
                    return -1;
                }
            }
            return job.endJob() ? sheets.size() : -1;
        }
    }
}
