package jp.sitesign.desktop.signing.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A personal seal (認印) image drawn from the signer's family name: red ring, the name read top to bottom,
 * transparent around it. SiteSign holds no registered company-seal images yet; this is what the signature
 * shows until it does.
 */
public final class SealStamp {
    static final Color VERMILION = new Color(0xD0, 0x20, 0x18);
    private static final int SIZE = 240;

    private SealStamp() {
    }

    /** The part of {@code name} a 認印 carries: before the first (full- or half-width) space, at most 3 characters. */
    static String familyName(String name) {
        String s = name.strip();
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\u3000') {
                end = i;
                break;
            }
        }
        String family = s.substring(0, end);
        return family.codePointCount(0, family.length()) > 3 ? family.substring(0, family.offsetByCodePoints(0, 3))
                : family;
    }

    /** PNG bytes of the seal for {@code signerName}, its characters drawn in {@code font} (a .ttf). */
    public static byte[] png(String signerName, Path font) {
        String text = familyName(signerName);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(VERMILION);
            g.setStroke(new BasicStroke(SIZE / 20f));
            g.drawOval(SIZE / 20, SIZE / 20, SIZE - SIZE / 10, SIZE - SIZE / 10);
            int n = Math.max(1, text.codePointCount(0, text.length()));
            float size = SIZE * 0.62f / n;
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, font.toFile()).deriveFont(Font.BOLD, size));
            FontMetrics m = g.getFontMetrics();
            int top = (SIZE - n * m.getAscent()) / 2;
            int i = 0;
            for (int offset = 0; offset < text.length(); i++) {
                String ch = new String(Character.toChars(text.codePointAt(offset)));
                offset += ch.length();
                g.drawString(ch, (SIZE - m.stringWidth(ch)) / 2, top + (i + 1) * m.getAscent() - m.getDescent() / 2);
            }
        } catch (FontFormatException | IOException e) {
            throw new UncheckedIOException(new IOException("font " + font + ": " + e.getMessage(), e));
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
