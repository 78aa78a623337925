package jp.sitesign.installer;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Writes a PNG of the whole X screen named by {@code DISPLAY}. Run by {@link InstalledDebIT} as a process of its
 * own: a JVM reads {@code DISPLAY} once, at start, and the test's JVM has none.
 */
public final class ScreenGrab {
    private ScreenGrab() {
    }

    public static void main(String[] args) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
    }
}
