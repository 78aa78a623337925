package jp.sitesign.desktop.contracts;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.preview.PageSize;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a print job gets, without a printer: one sheet per page in the document's order, each fitted into the
 * paper's printable area with its proportions, and each drawn from its own page at print resolution.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class PdfPrintingTest {
    @Test
    void everyPageBecomesOneSheetInOrderFittedIntoThePrintableArea() throws Exception {
        try (PdfBoxPageSource source = PdfBoxPageSource.open(EditorFixtures.pdf(3))) {
            PageSize first = source.pageSize(0);
            // A4 with 10 mm margins: 538 × 785 points printable.
            List<PdfPrinting.Sheet> sheets = PdfPrinting.plan(source, 538, 785);

            assertThat(sheets).extracting(PdfPrinting.Sheet::pageIndex).containsExactly(0, 1, 2);
            for (PdfPrinting.Sheet s : sheets) {
                assertThat(s.width()).isLessThanOrEqualTo(538.0001);
                assertThat(s.height()).isLessThanOrEqualTo(785.0001);
                assertThat(s.width() / s.height()).isCloseTo(first.widthPt() / (double) first.heightPt(),
                        org.assertj.core.data.Offset.offset(0.01));
            }

            // Off the UI thread, as a print job runs: the node is in no scene.
            Node node = PdfPrinting.node(source, sheets.get(1));
            ImageView view = (ImageView) node;
            assertThat(view.getFitWidth()).isEqualTo(sheets.get(1).width());
            assertThat(view.getImage().getWidth()).as("drawn at print resolution, not screen")
                    .isGreaterThan(first.widthPt() * 2);
        }
    }
}
