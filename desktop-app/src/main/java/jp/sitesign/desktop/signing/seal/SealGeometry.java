package jp.sitesign.desktop.signing.seal;

/**
 * From the drawing on screen to PDF user space and back. The drawing's points ("display points") run from the
 * top-left corner of the page as shown, y downwards; user space runs from the lower-left of the unrotated page,
 * y upwards, offset by the crop box's corner. Zoom only scales pixels to display points.
 */
public final class SealGeometry {
    /**
     * The seal's size on the page, in points (about 70 × 21 mm: the stamp on the left, three lines of text), the
     * same in the window and for the command line's --seal-at.
     */
    public static final double SEAL_WIDTH = 200;
    public static final double SEAL_HEIGHT = 60;

    private SealGeometry() {
    }

    /** A rectangle: in user space {@code (x, y)} is its lower-left corner; in display points, its top-left. */
    public record Box(double x, double y, double width, double height) {
    }

    /** A point of the drawing in display points, from a pixel of a drawing {@code drawnWidth} pixels wide. */
    public static double[] pixelToDisplay(PageGeometry page, double px, double py, double drawnWidth) {
        double pointsPerPixel = page.displayWidth() / drawnWidth;
        return new double[] {px * pointsPerPixel, py * pointsPerPixel};
    }

    /** The user-space point under display point {@code (dx, dy)}. */
    public static double[] displayToUser(PageGeometry page, double dx, double dy) {
        double w = page.cropWidth();
        double h = page.cropHeight();
        // (a, b): the unrotated page seen from its top-left corner, y downwards
        double a;
        double b;
        switch (page.rotation()) {
            case 90 -> { a = dy; b = h - dx; }
            case 180 -> { a = w - dx; b = h - dy; }
            case 270 -> { a = w - dy; b = dx; }
            default -> { a = dx; b = dy; }
        }
        return new double[] {page.cropX() + a, page.cropY() + h - b};
    }

    /** The display point over user-space point {@code (ux, uy)}. */
    public static double[] userToDisplay(PageGeometry page, double ux, double uy) {
        double w = page.cropWidth();
        double h = page.cropHeight();
        double a = ux - page.cropX();
        double b = h - (uy - page.cropY());
        return switch (page.rotation()) {
            case 90 -> new double[] {h - b, a};
            case 180 -> new double[] {w - a, h - b};
            case 270 -> new double[] {b, w - a};
            default -> new double[] {a, b};
        };
    }

    /**
     * The seal's rectangle on screen, {@code width × height} display points centred on {@code (cx, cy)} and
     * moved inside the page where the click was too close to an edge.
     */
    public static Box centredOnPage(PageGeometry page, double cx, double cy, double width, double height) {
        double w = Math.min(width, page.displayWidth());
        double h = Math.min(height, page.displayHeight());
        double x = Math.max(0, Math.min(page.displayWidth() - w, cx - w / 2));
        double y = Math.max(0, Math.min(page.displayHeight() - h, cy - h / 2));
        return new Box(x, y, w, h);
    }

    /** The user-space rectangle that shows as {@code display} (its sides swap on a page turned by 90° or 270°). */
    public static Box displayToUser(PageGeometry page, Box display) {
        double[] p = displayToUser(page, display.x(), display.y());
        double[] q = displayToUser(page, display.x() + display.width(), display.y() + display.height());
        return new Box(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1]));
    }
}
