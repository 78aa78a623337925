package jp.sitesign.desktop.signing.seal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the user put the seal, in PDF user space (points from the unrotated page's lower-left corner), and the
 * {@code .ttf} its text is drawn with. Who signs (name, title, company) is added by the signing itself from the
 * signed-in user, so the dialog cannot put someone else's name under a signature.
 *
 * @param pageNumber  1 for the first page
 * @param companyName the signer's company as the seal shows it; {@code null} leaves the line out
 */
public record SealPlacement(int pageNumber, float x, float y, float width, float height, Path font,
        String companyName) {
    public SealPlacement {
        Objects.requireNonNull(font, "font");
        if (pageNumber < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("no seal rectangle on page " + pageNumber);
        }
    }
}
