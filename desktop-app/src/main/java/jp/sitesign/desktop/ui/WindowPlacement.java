package jp.sitesign.desktop.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window was: the screen it was on (by that screen's bounds), its normal (not maximised) bounds and
 * whether it was maximised. {@link #restore} puts a window back only on the same screen, and only inside the part of
 * it that windows may use (its visual bounds: without the taskbar or the menu bar), so a window saved on a larger or
 * unplugged monitor never opens off-screen or taller than a 1366×768 laptop's screen.
 *
 * @param screen    the full bounds of the screen the window was on
 * @param window    the window's normal bounds
 * @param maximized whether it was maximised
 */
public record WindowPlacement(Rectangle2D screen, Rectangle2D window, boolean maximized) {
    /** The size a window opens at when nothing is saved (shrunk to the screen where that is smaller). */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /** A screen as the placement sees it: its full bounds and the part windows may use. */
    public record Display(Rectangle2D bounds, Rectangle2D visualBounds) {
    }

    /** The one-line form for the settings file: {@code screen x,y,w,h;window x,y,w,h;maximised 0|1}. */
    public String encode() {
        return rect(screen) + ";" + rect(window) + ";" + (maximized ? "1" : "0");
    }

    /** The placement in {@code text}, or empty when there is none or it cannot be read. */
    public static Optional<WindowPlacement> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(";");
        if (parts.length != 3 || !(parts[2].equals("0") || parts[2].equals("1"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowPlacement(rect(parts[0]), rect(parts[1]), parts[2].equals("1")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a window goes: the saved placement on its screen if that screen is still there, moved and shrunk into
     * its visual bounds; otherwise the default size (no larger than the primary screen's visual bounds), centred on
     * the primary screen, not maximised.
     *
     * @param screens the screens there are now; {@code primary} among them
     */
    public static WindowPlacement restore(Optional<WindowPlacement> saved, List<Display> screens, Display primary) {
        if (saved.isPresent()) {
            WindowPlacement p = saved.get();
            for (Display d : screens) {
                if (d.bounds().equals(p.screen())) {
                    return new WindowPlacement(d.bounds(), clamp(p.window(), d.visualBounds()), p.maximized());
                }
            }
        }
        return new WindowPlacement(primary.bounds(), centred(primary.visualBounds(), DEFAULT_WIDTH, DEFAULT_HEIGHT),
                false);
    }

    /** A window of at most {@code width}×{@code height}, no larger than {@code visual}, centred in it. */
    public static Rectangle2D centred(Rectangle2D visual, double width, double height) {
        double w = Math.min(width, visual.getWidth());
        double h = Math.min(height, visual.getHeight());
        return new Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2,
                visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /** {@code window} shrunk to fit {@code visual} and moved into it (its size kept where it fits). */
    public static Rectangle2D clamp(Rectangle2D window, Rectangle2D visual) {
        double w = Math.min(window.getWidth(), visual.getWidth());
        double h = Math.min(window.getHeight(), visual.getHeight());
        double x = Math.max(visual.getMinX(), Math.min(window.getMinX(), visual.getMaxX() - w));
        double y = Math.max(visual.getMinY(), Math.min(window.getMinY(), visual.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    private static String rect(Rectangle2D r) {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", r.getMinX(), r.getMinY(), r.getWidth(),
                r.getHeight());
    }

    private static Rectangle2D rect(String text) {
        String[] f = text.split(",");
        if (f.length != 4) {
            throw new IllegalArgumentException(text);
        }
        double w = Double.parseDouble(f[2]);
        double h = Double.parseDouble(f[3]);
        if (!(w > 0 && h > 0)) {
            throw new IllegalArgumentException(text);
        }
        return new Rectangle2D(Double.parseDouble(f[0]), Double.parseDouble(f[1]), w, h);
    }
}
