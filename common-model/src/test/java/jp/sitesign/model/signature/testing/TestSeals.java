package jp.sitesign.model.signature.testing;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Company seal (印影) images for visible-signature tests: a red double ring with a cross, on transparency. */
public final class TestSeals {
    /** The seal's red, for counting pixels in a rendering. */
    public static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

    private TestSeals() {
    }

    public static byte[] redRoundSeal(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            int ring = Math.max(2, size / 16);
            g.setStroke(new BasicStroke(ring));
            g.drawOval(ring, ring, size - 2 * ring, size - 2 * ring);
            g.drawOval(size / 5, size / 5, size * 3 / 5, size * 3 / 5);
            g.fillRect(size / 2 - ring / 2, size / 4, ring, size / 2);
            g.fillRect(size / 4, size / 2 - ring / 2, size / 2, ring);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
