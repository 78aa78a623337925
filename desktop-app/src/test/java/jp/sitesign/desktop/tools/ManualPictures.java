package jp.sitesign.desktop.tools;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Scales the screenshots the in-app manual shows (scripts/manual-pictures.sh) to the width the help window draws
 * them at, with the JDK only (no ImageMagick needed): halving steps with bilinear filtering, then one bicubic step,
 * which keeps Japanese text legible; written as PNG without metadata.
 *
 * <pre>ManualPictures RAW_DIR OUT_DIR WIDTH NAME...</pre> reads RAW_DIR/NAME.png, writes OUT_DIR/NAME.png.
 */
public final class ManualPictures {
    private ManualPictures() {
    }

    public static void main(String[] args) throws IOException {
        Path raw = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int width = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        long total = 0;
        for (int i = 3; i < args.length; i++) {
            BufferedImage image = ImageIO.read(raw.resolve(args[i] + ".png").toFile());
            if (image == null) {
                throw new IOException("not a picture: " + raw.resolve(args[i] + ".png"));
            }
            Path target = out.resolve(args[i] + ".png");
            ImageIO.write(scale(image, width), "png", target.toFile());
            total += Files.size(target);
            System.out.println(target + " " + Files.size(target) / 1024 + " KB");
        }
        System.out.println("manual pictures: " + total / 1024 + " KB in all");
    }

    static BufferedImage scale(BufferedImage image, int width) {
        BufferedImage current = rgb(image);
        while (current.getWidth() / 2 >= width) {
            current = resize(current, current.getWidth() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() > width) {
            current = resize(current, width, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage image, int width, Object interpolation) {
        int height = Math.max(1, Math.round(image.getHeight() * (float) width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        return resize(image, image.getWidth(), RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
}
