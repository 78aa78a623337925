package jp.sitesign.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated icon: drawn (tile, sheet, red seal), and written in the three formats the packagers read. */
class AppIconTest {
    @TempDir
    Path dir;

    @Test
    void theIconIsABlueTileWithTheRedSealAndTransparentCorners() {
        BufferedImage icon = AppIcon.draw(256);
        assertThat(icon.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        int seal = icon.getRGB((int) (256 * 0.53), (int) (256 * 0.71));
        assertThat(seal & 0xFFFFFF).as("the seal's ring").isEqualTo(0xC8102E);
        int tile = icon.getRGB(20, 128);
        assertThat((tile & 0xFF) > ((tile >> 16) & 0xFF)).as("blue tile").isTrue();
    }

    @Test
    void theIcoHoldsOnePngPerSizeWhereItsDirectorySaysSo() throws IOException {
        byte[] ico = Files.readAllBytes(AppIcon.writeAll(dir).ico());
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isZero();
        assertThat(b.getShort(2)).isEqualTo((short) 1);
        assertThat(b.getShort(4)).isEqualTo((short) AppIcon.ICO_SIZES.length);
        for (int i = 0; i < AppIcon.ICO_SIZES.length; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(b.get(entry));
            int size = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + size)));
            assertThat(image.getWidth()).isEqualTo(AppIcon.ICO_SIZES[i]);
            assertThat(width).isEqualTo(AppIcon.ICO_SIZES[i] == 256 ? 0 : AppIcon.ICO_SIZES[i]);
        }
    }

    @Test
    void theIcnsIsAChainOfTypedPngsWhoseLengthsAddUp() throws IOException {
        byte[] icns = Files.readAllBytes(AppIcon.writeAll(dir).icns());
        ByteBuffer b = ByteBuffer.wrap(icns);
        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt(4)).isEqualTo(icns.length);
        int at = 8;
        int count = 0;
        while (at < icns.length) {
            int length = b.getInt(at + 4);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(icns, at + 8, at + length)));
            assertThat(image.getWidth()).isEqualTo((Integer) AppIcon.ICNS_TYPES.get(count)[1]);
            at += length;
            count++;
        }
        assertThat(at).isEqualTo(icns.length);
        assertThat(count).isEqualTo(AppIcon.ICNS_TYPES.size());
    }
}
