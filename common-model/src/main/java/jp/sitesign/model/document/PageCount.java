package jp.sitesign.model.document;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A document's pages, counted by walking its page tree rather than read from the tree's {@code /Count}: that
 * number is only a claim (a PDF can say 2,147,483,647), and readers that believe it show a different document
 * from readers that walk the tree — so a claim that differs from the walk is refused.
 */
final class PageCount {
    private static final int LIMIT_CHECK_INTERVAL = 1000;

    private PageCount() {
    }

    static int of(PDDocument document, SafePdf reading) {
        int pages = 0;
        for (PDPage ignored : document.getPages()) {
            if (++pages % LIMIT_CHECK_INTERVAL == 0) {
                reading.checkLimits();
            }
        }
        if (pages < 1) {
            throw DocumentMessage.NO_PAGES.exception();
        }
        int claimed = document.getPages().getCOSObject().getInt(COSName.COUNT);
        if (claimed != pages) {
            throw DocumentMessage.PAGE_COUNT_MISMATCH.exception(claimed, pages);
        }
        return pages;
    }
}
