package jp.sitesign.desktop.preview;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open document that can draw its pages. Not thread-safe (PDFBox's {@code PDDocument} is not):
 * {@link PageRenderer} calls it from its one render thread only.
 */
public interface PageSource extends Closeable {
    int pageCount();

    PageSize pageSize(int pageIndex);

    /** Draws page {@code pageIndex} at {@code scaleKey / 1000} pixels per point. */
    RenderedPage render(int pageIndex, int scaleKey) throws IOException;

    /** Opens a document; what the renderer uses for each file it is asked to show. */
    @FunctionalInterface
    interface Opener {
        PageSource open(java.nio.file.Path pdf) throws IOException;
    }
}
