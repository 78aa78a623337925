/**
 * The PDF preview: {@link jp.sitesign.desktop.preview.PageRenderer} draws pages with PDFBox on one thread
 * of its own (the focus page first, its neighbours ahead, stale requests dropped) into a byte-bounded
 * cache; {@link jp.sitesign.desktop.preview.PreviewViewModel} holds page, zoom and the drawing shown;
 * {@link jp.sitesign.desktop.preview.PreviewView} adds thumbnails and keyboard paging.
 */
package jp.sitesign.desktop.preview;
