package jp.sitesign.desktop.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.sitesign.desktop.signing.seal.PageGeometry;
import jp.sitesign.desktop.signing.seal.SealGeometry;
import jp.sitesign.desktop.signing.seal.SealMemory;
import jp.sitesign.desktop.signing.seal.SealPlacement;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

/**
 * Where the seal goes on a document that nobody looks at page by page, as in 一括署名: decided from the document
 * itself, after the signing's own checks, so one rule serves documents of different lengths and paper sizes.
 */
@FunctionalInterface
public interface SealRule {
    /**
     * The seal's place on {@code pdf}, or empty for an invisible signature.
     *
     * @throws SigningException when the document's pages cannot be read
     */
    Optional<SealPlacement> placement(byte[] pdf) throws SigningException;

    /** No visible seal (見えない署名): the signature is as valid. */
    static SealRule invisible() {
        return pdf -> Optional.empty();
    }

    /** The same place on every document (the single dialog's click, already converted); null: invisible. */
    static SealRule at(SealPlacement placement) {
        return pdf -> Optional.ofNullable(placement);
    }

    /**
     * The single dialog's default for this user: the spot they last put their seal ({@link SealMemory}), that is
     * the same page counted from the end and the same place on it, kept inside the page. That dialog shows the
     * seal there before it signs; a bulk run applies it to each document unseen, which is why it is offered only
     * once the user has placed a seal by hand.
     *
     * @param companyName the signer's company for the seal text, or {@code null}
     */
    static SealRule remembered(SealMemory.Spot spot, Path font, String companyName) {
        Objects.requireNonNull(spot, "spot");
        Objects.requireNonNull(font, "font");
        return pdf -> {
            List<PageGeometry> pages;
            try {
                pages = PageGeometry.read(pdf);
            } catch (IOException | RuntimeException e) {
                throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, String.valueOf(e.getMessage()));
            }
            if (pages.isEmpty()) {
                throw new SigningException(SigningError.DOCUMENT_UNREADABLE, "0 pages");
            }
            int index = spot.pageIndex(pages.size());
            PageGeometry page = pages.get(index);
            SealGeometry.Box user = SealGeometry.displayToUser(page, spot.on(page));
            return Optional.of(new SealPlacement(index + 1, (float) user.x(), (float) user.y(), (float) user.width(),
                    (float) user.height(), font, companyName));
        };
    }
}
