package jp.sitesign.model.document;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
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
            throw refuse("ページがない PDF は使用できません。", "The PDF has no pages.");
        }
        int claimed = document.getPages().getCOSObject().getInt(COSName.COUNT);
        if (claimed != pages) {
            throw refuse("PDF のページ数の記載（" + claimed + "）が実際のページ数（" + pages
                            + "）と一致しません。ファイルが壊れている可能性があります。PDF として保存し直してから添付してください。",
                    "The PDF claims " + claimed + " pages but has " + pages
                            + ". The file may be damaged: save it again as PDF and attach the new file.");
        }
        return pages;
    }

    private static SiteSignException refuse(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_DOCUMENT, ja, en);
    }
}
