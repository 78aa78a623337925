package jp.sitesign.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The app icon, drawn here at build time rather than kept as a binary: a contract sheet on a blue tile with a red
 * seal (印) carrying a check mark. Vector shapes only, no font, so every build machine draws the same icon. Written
 * as PNG (Linux), ICO (Windows: PNG images in an ICO directory, which Windows Vista and later read) and ICNS
 * (macOS: PNG images under their icns type codes).
 */
public final class AppIcon {
    /** The sizes the ICO holds; 256 is written as 0 in its directory. */
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** ICNS type codes that hold PNG data, with their pixel size. */
    static final List<Object[]> ICNS_TYPES = List.of(new Object[] {"icp4", 16}, new Object[] {"icp5", 32},
            new Object[] {"icp6", 64}, new Object[] {"ic07", 128}, new Object[] {"ic08", 256},
            new Object[] {"ic09", 512}, new Object[] {"ic10", 1024});

    private AppIcon() {
    }

    /** Writes sitesign.png (256 px), sitesign.ico and sitesign.icns into {@code dir}. */
    public static Written writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve("sitesign.png");
        Files.write(png, png(256));
        Path ico = dir.resolve("sitesign.ico");
        Files.write(ico, ico());
        Path icns = dir.resolve("sitesign.icns");
        Files.write(icns, icns());
        return new Written(png, ico, icns);
    }

    /** Where the three files were written. */
    public record Written(Path png, Path ico, Path icns) {
    }

    /** The icon at one size, drawn for that size (not scaled from another). */
    public static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            // The tile.
            g.setPaint(new GradientPaint(0, 0, new Color(0x2E5C8A), 0, 100, new Color(0x17324F)));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));
            // The contract sheet with its folded corner and lines of text.
            Path2D sheet = new Path2D.Double();
            sheet.moveTo(24, 16);
            sheet.lineTo(62, 16);
            sheet.lineTo(76, 30);
            sheet.lineTo(76, 84);
            sheet.lineTo(24, 84);
            sheet.closePath();
            g.setColor(new Color(0xF7F4EC));
            g.fill(sheet);
            Path2D fold = new Path2D.Double();
            fold.moveTo(62, 16);
            fold.lineTo(62, 30);
            fold.lineTo(76, 30);
            fold.closePath();
            g.setColor(new Color(0xD5D0C4));
            g.fill(fold);
            g.setColor(new Color(0x8A97A8));
            g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int y = 32; y <= 56; y += 8) {
                g.drawLine(32, y, y == 32 ? 56 : 68, y);
            }
            // The seal: a red ring with a check mark.
            Ellipse2D seal = new Ellipse2D.Double(50, 54, 34, 34);
            g.setColor(new Color(0xF7F4EC));
            g.fill(seal);
            g.setColor(new Color(0xC8102E));
            g.setStroke(new BasicStroke(4.5f));
            g.draw(new Ellipse2D.Double(52.5, 56.5, 29, 29));
            Path2D check = new Path2D.Double();
            check.moveTo(59, 71);
            check.lineTo(65, 77);
            check.lineTo(76, 63);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(check);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An ICO file: a 6-byte header, one 16-byte directory entry per image, then the PNG images. */
    static byte[] ico() {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(size));
        }
        int offset = 6 + 16 * images.size();
        int total = offset + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buffer.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            buffer.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buffer::put);
        return buffer.array();
    }

    /** An ICNS file: "icns" and the file length, then per image its type code, length (with the 8-byte head) and PNG. */
    static byte[] icns() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            for (Object[] type : ICNS_TYPES) {
                byte[] image = png((Integer) type[1]);
                out.writeBytes((String) type[0]);
                out.writeInt(8 + image.length);
                out.write(image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(file)) {
            out.writeBytes("icns");
            out.writeInt(8 + body.size());
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }
}
