package jp.sitesign.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers of the user's last choices on this computer, beside the settings they set
 * ({@code remembered.properties} in the data home): the signing key's source and file, the folder a PDF was
 * last saved to, the size of the PDF viewer window. Nothing secret (never a PIN). Only saves clicks: a file
 * that cannot be read counts as empty, and a failed write is logged, never shown.
 */
public final class Remembered {
    public static final String FILE_NAME = "remembered.properties";
    /** Where {@code ./sitesign demo} writes the demo signers' PKCS#12 files, beside the desktop's data home. */
    static final String DEMO_TOKENS = "tokens";
    private static final Logger LOG = LoggerFactory.getLogger(Remembered.class);
    private static final String KEY_SOURCE = "signing.keySource";
    private static final String KEY_FILE = "signing.keyFile";
    private static final String SAVE_FOLDER = "pdf.saveFolder";
    private static final String VIEWER_WIDTH = "viewer.width";
    private static final String VIEWER_HEIGHT = "viewer.height";

    private final Path dataHome;
    private final Path file;

    public Remembered(Path dataHome) {
        this.dataHome = dataHome;
        this.file = dataHome.resolve(FILE_NAME);
    }

    /** The key source last signed with ({@code TOKEN} or {@code PKCS12}), if any. */
    public Optional<String> keySource() {
        return Optional.ofNullable(load().getProperty(KEY_SOURCE)).filter(s -> !s.isBlank());
    }

    /** The PKCS#12 file last signed with, if it is still there. */
    public Optional<Path> keyFile() {
        return path(KEY_FILE).filter(Files::isRegularFile);
    }

    /** Remembers a successful signature's key source, and its file for a PKCS#12 one (null: keeps the last). */
    public void signedWith(String keySource, Path keyFile) {
        Properties p = load();
        p.setProperty(KEY_SOURCE, keySource);
        if (keyFile != null) {
            p.setProperty(KEY_FILE, keyFile.toAbsolutePath().toString());
        }
        save(p);
    }

    /**
     * The folder the key file chooser opens in: the last file's, else (in the demo, whose data home is
     * {@code data/demo/desktop}) the demo signers' {@code data/demo/tokens} when it exists, else none.
     */
    public Optional<Path> keyFolder() {
        Optional<Path> last = path(KEY_FILE).map(Path::getParent).filter(Files::isDirectory);
        if (last.isPresent()) {
            return last;
        }
        Path parent = dataHome.toAbsolutePath().getParent();
        return Optional.ofNullable(parent).map(p -> p.resolve(DEMO_TOKENS)).filter(Files::isDirectory);
    }

    /** The folder a PDF was last saved to, if it is still there. */
    public Optional<Path> saveFolder() {
        return path(SAVE_FOLDER).filter(Files::isDirectory);
    }

    public void savedTo(Path savedFile) {
        Path folder = savedFile.toAbsolutePath().getParent();
        if (folder != null) {
            Properties p = load();
            p.setProperty(SAVE_FOLDER, folder.toString());
            save(p);
        }
    }

    /** The viewer window's last size (width, height), if it was ever closed. */
    public Optional<double[]> viewerSize() {
        Properties p = load();
        try {
            double w = Double.parseDouble(p.getProperty(VIEWER_WIDTH, ""));
            double h = Double.parseDouble(p.getProperty(VIEWER_HEIGHT, ""));
            return w >= 200 && h >= 200 ? Optional.of(new double[] {w, h}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void viewerSize(double width, double height) {
        Properties p = load();
        p.setProperty(VIEWER_WIDTH, Long.toString(Math.round(width)));
        p.setProperty(VIEWER_HEIGHT, Long.toString(Math.round(height)));
        save(p);
    }

    private Optional<Path> path(String key) {
        String value = load().getProperty(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private synchronized Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("{} cannot be read ({}); nothing is remembered", file, e.toString());
                return new Properties();
            }
        }
        return p;
    }

    private synchronized void save(Properties p) {
        try {
            Files.createDirectories(dataHome);
            Path next = file.resolveSibling(FILE_NAME + ".new");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                p.store(out, "SiteSign: the user's last choices (not settings)");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("{} cannot be written; the choice is not remembered", file, e);
        }
    }
}
