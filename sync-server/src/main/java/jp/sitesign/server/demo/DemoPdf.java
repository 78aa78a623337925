package jp.sitesign.server.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The demo contracts' PDF: a plain A4 注文書 (or 通知書) in Japanese — heading, addressee, issuer, and a
 * table of the work and its 建設業法19条 items — marked DEMO at the top of every page. The text is in IPA
 * Gothic, the font the signature seals use, embedded as a subset; without that font a short Latin page
 * says which package to install, so the demo still starts.
 */
final class DemoPdf implements AutoCloseable {
    /** The font, as the signature seals look it up. */
    static final Path FONT = VisibleSignature.IPA_GOTHIC;
    private static final float MARGIN = 50;
    private static final float LABEL_WIDTH = 150;
    private static final float TABLE_SIZE = 9.5f;
    private static final float LEADING = 1.45f;
    private static final String NO_LINE_START = "、。，．）」』・ー";
    private static final String DEMO_NOTICE = "DEMO — SiteSign のデモ用に作られた架空の文書です。実際の契約には使えません。";

    /** The parsed font, shared by the documents made with this instance; null without the font. */
    private final TrueTypeFont font;

    private DemoPdf(TrueTypeFont font) {
        this.font = font;
    }

    /** Parses the font once for all the demo documents; close when done. */
    static DemoPdf open() {
        if (!hasJapaneseFont()) {
            return new DemoPdf(null);
        }
        try {
            return new DemoPdf(new TTFParser().parse(new RandomAccessReadBufferedFile(FONT.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + FONT, e);
        }
    }

    @Override
    public void close() {
        if (font != null) {
            try {
                font.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * What the sheet says.
     *
     * @param rows label and text of each table row, in order
     */
    record Sheet(String heading, String number, String issued, String addressee, List<String> issuer, String lead,
            List<Map.Entry<String, String>> rows) {
    }

    static boolean hasJapaneseFont() {
        return Files.isReadable(FONT);
    }

    byte[] render(Sheet sheet) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(sheet.heading() + " " + sheet.number() + " (DEMO)");
            info.setCreator("SiteSign DEMO");
            if (font != null) {
                new Writer(document, PDType0Font.load(document, font, true)).sheet(sheet);
            } else {
                latinPage(document, sheet);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the demo PDF", e);
        }
    }

    private static void latinPage(PDDocument document, Sheet sheet) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.setLeading(18);
            content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - 80);
            for (String line : List.of("SiteSign DEMO document " + sheet.number() + " (" + sheet.issued() + ")",
                    "Not for real contracts.", "",
                    "Its Japanese text needs the IPA Gothic font, which is not installed:",
                    "Debian/Ubuntu: apt-get install fonts-ipafont-gothic")) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
    }

    /** Lays the sheet out top to bottom, starting a new page when the table runs over. */
    private static final class Writer {
        private final PDDocument document;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDFont font) {
            this.document = document;
            this.font = font;
        }

        void sheet(Sheet s) throws IOException {
            newPage();
            try {
                centered(s.heading(), 22);
                y -= 14;
                right("文書管理番号　" + s.number(), 10);
                right("発行日　" + s.issued(), 10);
                text(MARGIN, s.addressee() + "　御中", 13);
                content.moveTo(MARGIN, y - 3);
                content.lineTo(MARGIN + font.getStringWidth(s.addressee() + "　御中") / 1000 * 13, y - 3);
                content.stroke();
                y -= 6;
                for (String line : s.issuer()) {
                    right(line, 10);
                }
                y -= 12;
                text(MARGIN, s.lead(), 11);
                y -= 8;
                for (Map.Entry<String, String> row : s.rows()) {
                    row(row.getKey(), row.getValue());
                }
                y -= 16;
                right("以上", 11);
            } finally {
                content.close();
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - 36;
            content.setNonStrokingColor(0.8f, 0.1f, 0.1f);
            text(MARGIN, DEMO_NOTICE, 8.5f);
            content.setNonStrokingColor(0f, 0f, 0f);
            y -= 22;
        }

        /** One table row: the label and the text each wrapped in their column, with a ruled box around. */
        private void row(String label, String value) throws IOException {
            List<String> labelLines = wrap(label, LABEL_WIDTH - 8, TABLE_SIZE);
            List<String> valueLines = wrap(value, width - LABEL_WIDTH - 8, TABLE_SIZE);
            float line = TABLE_SIZE * LEADING;
            float height = Math.max(labelLines.size(), valueLines.size()) * line + 6;
            if (y - height < MARGIN) {
                newPage();
            }
            content.addRect(MARGIN, y - height, LABEL_WIDTH, height);
            content.addRect(MARGIN + LABEL_WIDTH, y - height, width - LABEL_WIDTH, height);
            content.stroke();
            float top = y - 3 - TABLE_SIZE;
            lines(MARGIN + 4, top, labelLines, line);
            lines(MARGIN + LABEL_WIDTH + 4, top, valueLines, line);
            y -= height;
        }

        private void lines(float x, float top, List<String> lines, float leading) throws IOException {
            content.beginText();
            content.setFont(font, TABLE_SIZE);
            content.setLeading(leading);
            content.newLineAtOffset(x, top);
            for (String l : lines) {
                content.showText(l);
                content.newLine();
            }
            content.endText();
        }

        private void centered(String s, float size) throws IOException {
            text(MARGIN + (width - font.getStringWidth(s) / 1000 * size) / 2, s, size);
        }

        private void right(String s, float size) throws IOException {
            text(MARGIN + width - font.getStringWidth(s) / 1000 * size, s, size);
        }

        private void text(float x, String s, float size) throws IOException {
            y -= size * LEADING;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(s);
            content.endText();
        }

        /**
         * Breaks at any character (Japanese has no spaces to break at) and at line breaks, but never before
         * closing punctuation (禁則), which may stand a little into the margin instead.
         */
        private List<String> wrap(String s, float max, float size) throws IOException {
            List<String> out = new ArrayList<>();
            for (String paragraph : s.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < paragraph.length(); i = paragraph.offsetByCodePoints(i, 1)) {
                    String ch = new String(Character.toChars(paragraph.codePointAt(i)));
                    boolean mayStartLine = NO_LINE_START.indexOf(ch) < 0;
                    if (line.length() > 0 && mayStartLine && font.getStringWidth(line + ch) / 1000 * size > max) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(ch);
                }
                out.add(line.toString());
            }
            return out;
        }
    }
}
