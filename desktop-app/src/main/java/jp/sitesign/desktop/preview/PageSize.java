package jp.sitesign.desktop.preview;

/** A page's size as shown (rotation applied), in PDF points (1/72 inch). */
public record PageSize(float widthPt, float heightPt) {
}
