package jp.sitesign.desktop.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The spot each user of this computer last put their seal, so that the next contract of the same form opens
 * with the seal already there (typically beside the company name on the last page). Kept as the page counted
 * from the end and the seal's centre as fractions of the page's width and height, which carries over to a
 * document of another length or paper size. A file that cannot be read is treated as empty: it only saves a click.
 */
public final class SealMemory {
    /** A remembered spot. */
    public record Spot(int pagesFromEnd, double centreX, double centreY) {
        /** The page (from 0) of a document of {@code pageCount} pages: the same from the end, else the first. */
        public int pageIndex(int pageCount) {
            return Math.max(0, pageCount - 1 - pagesFromEnd);
        }

        /** The seal's rectangle on {@code page} in display points: centred on the spot, kept inside the page. */
        public SealGeometry.Box on(PageGeometry page) {
            return SealGeometry.centredOnPage(page, centreX * page.displayWidth(), centreY * page.displayHeight(),
                    SealGeometry.SEAL_WIDTH, SealGeometry.SEAL_HEIGHT);
        }
    }

    private final Path file;

    public SealMemory(Path file) {
        this.file = file;
    }

    public Optional<Spot> recall(String userId) {
        String value = load().getProperty(userId);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(";");
        try {
            Spot spot = new Spot(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            boolean sane = spot.pagesFromEnd() >= 0 && spot.centreX() >= 0 && spot.centreX() <= 1
                    && spot.centreY() >= 0 && spot.centreY() <= 1;
            return sane ? Optional.of(spot) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public void remember(String userId, Spot spot) throws IOException {
        Properties all = load();
        all.setProperty(userId, String.format(Locale.ROOT, "%d;%.5f;%.5f", spot.pagesFromEnd(), spot.centreX(),
                spot.centreY()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            all.store(out, "SiteSign: where each user last placed their seal");
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }
}
