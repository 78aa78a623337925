package jp.sitesign.model.signature.appearance;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.TestSeals;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The seal's drawing on an upright page, read back from the appearance stream's operators: the seal image's
 * size and place, the text's font size (the largest that fits both the height and the widest line), leading
 * and start, and the widget's rectangle. The expected figures are worked out here from the layout rules
 * (3 pt padding, seal at most a third of the width, leading 1.25).
 */
class SealAppearanceDrawingTest {
    private static final Instant TIME = Instant.parse("2025-04-01T01:02:03Z");
    private static final float PADDING = 3;

    @Test
    void aWideBoxTakesTheSealFromTheHeightAndTheTextSizeFromTheHeight() throws Exception {
        VisibleSignature visible = VisibleSignature.of(1, 40, 100, 600, 60, TestSeals.redRoundSeal(120), "山田太郎",
                "山田建設株式会社", "代表取締役");

        List<Op> ops = draw(visible);

        float seal = 60 - 2 * PADDING;
        assertSeal(ops, seal, 60);
        float size = (60 - 2 * PADDING) / (3 * 1.25f);
        assertThat(widestFit(visible, 600 - seal - 4 * PADDING)).as("the height limits here").isGreaterThan(size);
        assertText(ops, size, seal + 3 * PADDING, 60);
    }

    @Test
    void aNarrowBoxTakesTheSealFromTheWidthAndTheTextSizeFromTheWidestLine() throws Exception {
        VisibleSignature visible = VisibleSignature.of(1, 40, 100, 150, 60, TestSeals.redRoundSeal(120), "山田太郎",
                "山田建設株式会社", "代表取締役");

        List<Op> ops = draw(visible);

        float seal = 150f / 3 - 2 * PADDING;
        assertSeal(ops, seal, 60);
        float size = widestFit(visible, 150 - seal - 4 * PADDING);
        assertThat(size).as("the width limits here").isLessThan((60 - 2 * PADDING) / (3 * 1.25f));
        assertText(ops, size, seal + 3 * PADDING, 60);
    }

    @Test
    void theWidgetTakesTheRectangleAndTheFormTheSameSize() throws Exception {
        VisibleSignature visible = VisibleSignature.of(1, 40.5f, 100, 180, 50, TestSeals.redRoundSeal(60), "佐藤花子",
                null, null);
        try (PDDocument document = onePage()) {
            PDAnnotationWidget widget = new PDAnnotationWidget();
            SealAppearance.apply(document, widget, visible, TIME);

            PDRectangle rectangle = widget.getRectangle();
            assertThat(List.of(rectangle.getLowerLeftX(), rectangle.getLowerLeftY(), rectangle.getWidth(),
                    rectangle.getHeight())).containsExactly(40.5f, 100f, 180f, 50f);
            PDRectangle box = widget.getNormalAppearanceStream().getBBox();
            assertThat(List.of(box.getWidth(), box.getHeight())).containsExactly(180f, 50f);
        }
    }

    @Test
    void linesAreCompanyThenTitleWithNameThenTheJapanTime() {
        byte[] seal = TestSeals.redRoundSeal(20);
        assertThat(SealAppearance.lines(VisibleSignature.of(1, 0, 0, 10, 10, seal, "山田太郎", "山田建設", "部長"), TIME))
                .containsExactly("山田建設", "部長　山田太郎", "2025年4月1日 10:02 JST");
        assertThat(SealAppearance.lines(VisibleSignature.of(1, 0, 0, 10, 10, seal, "山田太郎", null, null), TIME))
                .containsExactly("山田太郎", "2025年4月1日 10:02 JST");
    }

    @Test
    void aRectangleWithoutWidthOrHeightIsRefused() {
        byte[] seal = TestSeals.redRoundSeal(20);
        assertThatThrownBy(() -> VisibleSignature.of(1, 0, 0, 0, 10, seal, "山田太郎", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have a size");
        assertThatThrownBy(() -> VisibleSignature.of(1, 0, 0, 10, 0, seal, "山田太郎", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have a size");
        assertThat(VisibleSignature.of(1, 0, 0, 0.5f, 0.5f, seal, "山田太郎", null, null).width()).isEqualTo(0.5f);
    }

    @Test
    void aPageThatDoesNotExistIsRefusedWithThePageCount() throws Exception {
        try (PDDocument document = onePage()) {
            VisibleSignature second = VisibleSignature.of(2, 0, 0, 10, 10, TestSeals.redRoundSeal(20), "山田太郎",
                    null, null);
            assertThatThrownBy(() -> SealAppearance.requirePage(document, second))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.error()).isEqualTo(SigningError.APPEARANCE_FAILED);
                        assertThat(e.messageEn()).contains("page 2 does not exist").contains("1 pages");
                    });
        }
    }

    private static void assertSeal(List<Op> ops, float seal, float height) {
        Op cm = ops.stream().filter(op -> op.name.equals("cm")).findFirst().orElseThrow();
        assertThat(cm.operands).as("image scaled to the seal's size, left padded, centred vertically")
                .containsExactly(seal, 0f, 0f, seal, PADDING, (height - seal) / 2);
        assertThat(ops.stream().map(op -> op.name)).containsSubsequence("q", "cm", "Do", "Q");
    }

    private static void assertText(List<Op> ops, float size, float left, float height) {
        assertThat(only(ops, "Tf").operands.get(1)).isCloseTo(size, within(0.001f));
        assertThat(only(ops, "TL").operands.get(0)).isCloseTo(size * 1.25f, within(0.001f));
        Op start = only(ops, "Td");
        assertThat(start.operands.get(0)).isCloseTo(left, within(0.001f));
        assertThat(start.operands.get(1)).isCloseTo(height - PADDING - size, within(0.001f));
        assertThat(ops.stream().filter(op -> op.name.equals("Tj"))).hasSize(3);
        assertThat(ops.stream().map(op -> op.name)).containsSubsequence("BT", "Tf", "Td", "Tj", "T*", "Tj", "T*",
                "Tj", "T*", "ET");
    }

    /** The font size at which the widest line just fills {@code textWidth}. */
    private static float widestFit(VisibleSignature visible, float textWidth) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = PDType0Font.load(document, visible.font().toFile());
            float size = Float.MAX_VALUE;
            for (String line : SealAppearance.lines(visible, TIME)) {
                size = Math.min(size, textWidth / (font.getStringWidth(line) / 1000));
            }
            return size;
        }
    }

    private static List<Op> draw(VisibleSignature visible) throws IOException, SigningException {
        try (PDDocument document = onePage()) {
            PDAnnotationWidget widget = new PDAnnotationWidget();
            SealAppearance.apply(document, widget, visible, TIME);
            PDAppearanceStream stream = widget.getNormalAppearanceStream();
            List<Op> ops = new ArrayList<>();
            List<Float> operands = new ArrayList<>();
            for (Object token : new PDFStreamParser(stream).parse()) {
                if (token instanceof Operator operator) {
                    ops.add(new Op(operator.getName(), List.copyOf(operands)));
                    operands.clear();
                } else if (token instanceof COSNumber number) {
                    operands.add(number.floatValue());
                } else if (token instanceof COSBase) {
                    operands.add(Float.NaN);
                }
            }
            return ops;
        }
    }

    private static Op only(List<Op> ops, String name) {
        List<Op> found = ops.stream().filter(op -> op.name.equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static PDDocument onePage() {
        PDDocument document = new PDDocument();
        document.addPage(new PDPage(PDRectangle.A4));
        return document;
    }

    private record Op(String name, List<Float> operands) {
    }
}
