package jp.sitesign.desktop.signing.seal;

import java.nio.file.Files;
import jp.sitesign.desktop.preview.RenderedPage;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The signing dialog's seal preview is the engine's own drawing of the seal: the red 印影 on the left, the
 * company, name and time in dark text on the right, on a transparent background (the page shows through).
 */
class SealPreviewTest {
    @Test
    void thePreviewIsTheRealSealAppearanceNotABox() throws Exception {
        assumeTrue(Files.isReadable(VisibleSignature.IPA_GOTHIC), "IPA Gothic (fonts-ipafont-gothic) is installed");
        VisibleSignature seal = new VisibleSignature(1, 0, 0, (float) SealGeometry.SEAL_WIDTH,
                (float) SealGeometry.SEAL_HEIGHT, SealStamp.png("山田 太郎", VisibleSignature.IPA_GOTHIC), "山田 太郎",
                "山田建設株式会社", "工事部長", VisibleSignature.IPA_GOTHIC);

        RenderedPage drawn = SealPreview.draw(seal, 3f);

        assertThat(drawn.width()).isEqualTo((int) Math.round(SealGeometry.SEAL_WIDTH * 3));
        assertThat(drawn.height()).isEqualTo((int) Math.round(SealGeometry.SEAL_HEIGHT * 3));
        int red = 0;
        int dark = 0;
        int clear = 0;
        for (int y = 0; y < drawn.height(); y++) {
            for (int x = 0; x < drawn.width(); x++) {
                int p = drawn.argb()[y * drawn.width() + x];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (a == 0) {
                    clear++;
                } else if (a > 200 && r > 150 && g < 90 && b < 90 && x < drawn.width() / 3) {
                    red++;
                } else if (a > 200 && r < 80 && g < 80 && b < 80 && x > drawn.width() / 3) {
                    dark++;
                }
            }
        }
        assertThat(red).as("the red 印影 on the left").isGreaterThan(500);
        assertThat(dark).as("the company, name and time as text on the right").isGreaterThan(500);
        assertThat(clear).as("transparent around them: the page shows through").isGreaterThan(drawn.argb().length / 3);
    }
}
