package jp.sitesign.model.signature.appearance;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a signature is shown: a rectangle on a page holding the seal image on the left and
 * the signer's company, title and name and the signing date (JST) on the right. Coordinates are PDF
 * points from the page's lower-left corner. The font must be a TrueType {@code .ttf} (IPA Gothic by
 * default) — PDFBox can embed and subset it; it cannot subset the CFF-based Noto CJK {@code .ttc}.
 *
 * @param pageNumber 1 for the first page
 * @param sealPng    the seal image (PNG or JPEG bytes); transparency is kept
 * @param company    may be {@code null}
 * @param title      may be {@code null}
 * @param font       the {@code .ttf} to draw the text with
 */
public record VisibleSignature(int pageNumber, float x, float y, float width, float height, byte[] sealPng,
                               String signerName, String company, String title, Path font) {
    /** IPA Gothic as Debian's fonts-ipafont-gothic installs it. */
    public static final Path IPA_GOTHIC = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    public VisibleSignature {
        Objects.requireNonNull(sealPng, "sealPng");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(font, "font");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the signature rectangle must have a size");
        }
        sealPng = sealPng.clone();
    }

    /** With IPA Gothic. */
    public static VisibleSignature of(int pageNumber, float x, float y, float width, float height, byte[] sealPng,
                                      String signerName, String company, String title) {
        return new VisibleSignature(pageNumber, x, y, width, height, sealPng, signerName, company, title, IPA_GOTHIC);
    }

    @Override
    public byte[] sealPng() {
        return sealPng.clone();
    }
}
