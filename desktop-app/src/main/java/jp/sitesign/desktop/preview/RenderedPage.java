package jp.sitesign.desktop.preview;

/**
 * One page drawn to pixels: opaque ARGB, row by row. Kept free of JavaFX types so rendering, caching and
 * the view model work without the toolkit; the view turns it into an image on the UI thread.
 *
 * @param scaleKey the render scale in thousandths (pixels per point × 1000), part of the cache key
 */
public record RenderedPage(int pageIndex, int scaleKey, int width, int height, int[] argb) {
    public RenderedPage {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "×" + height);
        }
    }

    /** What the pixels occupy in memory, which is what the page cache is bounded by. */
    public long bytes() {
        return 4L * argb.length;
    }
}
