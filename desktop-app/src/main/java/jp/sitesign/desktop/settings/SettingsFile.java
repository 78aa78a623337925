package jp.sitesign.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.core.SignatureLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.properties} in the data home: plain preferences, nothing secret (stores and keys live in
 * their own owner-only folders). A missing key means its default, so older files (language only) load as
 * they were. A file that cannot be read, or a value that makes no sense, also means the default, with a
 * warning in the log and a copy of the file as {@code settings.properties.bak} before anything overwrites it.
 * Saving writes a new file and moves it into place, so a crash never leaves half a file.
 */
public final class SettingsFile {
    public static final String FILE_NAME = "settings.properties";
    public static final String BACKUP_NAME = FILE_NAME + ".bak";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final String LANGUAGE = "language";
    private static final String DATE_STYLE = "dateStyle";
    private static final String TOKEN_LIBRARY_COUNT = "tokenLibrary.count";
    private static final String TOKEN_LIBRARY = "tokenLibrary.";
    private static final String SIGNATURE_LEVEL = "signatureLevel";
    private static final String TSA_URL = "tsaUrl";
    private static final String COLUMNS = "columns.";
    private static final String WINDOW = "window.main";

    private final Path file;

    public SettingsFile(Path dataHome) {
        this.file = dataHome.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The saved settings; defaults for whatever is missing or unusable (never fails on the file's content). */
    public Settings load() {
        Settings settings = new Settings();
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            keepBadFile("cannot be read (" + e + ")");
            return settings;
        }
        List<String> bad = new ArrayList<>();
        String language = p.getProperty(LANGUAGE);
        if (language != null) {
            Language l = Language.fromCode(language);
            if (!l.code().equalsIgnoreCase(language.strip())) {
                bad.add(LANGUAGE);
            }
            settings.languageProperty().set(l);
        }
        read(p, DATE_STYLE, bad, v -> settings.dateStyleProperty().set(DateStyle.fromCode(v)));
        read(p, TSA_URL, bad, v -> settings.tsaUrlProperty().set(v.isBlank() ? null : tsaUrl(v)));
        read(p, SIGNATURE_LEVEL, bad, v -> {
            SignatureLevel level = SignatureLevel.valueOf(v.strip());
            if (!Settings.producibleLevels(settings.tsaUrl()).contains(level)) {
                throw new IllegalArgumentException(level + " cannot be made here");
            }
            settings.signatureLevelProperty().set(level);
        });
        read(p, DataFolder.KEY, bad, v -> settings.dataFolderProperty().set(v.isBlank() ? null : DataFolder.check(v)));
        read(p, TOKEN_LIBRARY_COUNT, bad, v -> settings.tokenLibraries().setAll(libraries(p, Integer.parseInt(v.strip()))));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(COLUMNS) && key.length() > COLUMNS.length()) {
                settings.columnLayouts().put(key.substring(COLUMNS.length()), p.getProperty(key));
            }
        }
        settings.windowPlacementProperty().set(p.getProperty(WINDOW));
        if (!bad.isEmpty()) {
            keepBadFile("has unusable values for " + bad + "; their defaults are used");
        }
        return settings;
    }

    /** A timestamp server address: absolute http or https. */
    public static URI tsaUrl(String text) {
        URI uri = URI.create(text.strip());
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an http(s) address: " + text);
        }
        return uri;
    }

    private interface Value {
        void apply(String value);
    }

    private static void read(Properties p, String key, List<String> bad, Value value) {
        String v = p.getProperty(key);
        if (v == null) {
            return;
        }
        try {
            value.apply(v);
        } catch (IllegalArgumentException | SiteSignException e) {
            bad.add(key);
        }
    }

    private static List<Path> libraries(Properties p, int count) {
        if (count < 0 || count > 100) {
            throw new IllegalArgumentException("token library count " + count);
        }
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String path = p.getProperty(TOKEN_LIBRARY + i);
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("token library " + i + " missing");
            }
            out.add(Path.of(path.strip()));
        }
        return out;
    }

    private void keepBadFile(String why) {
        Path backup = file.resolveSibling(BACKUP_NAME);
        try {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{} {}; a copy is kept as {}", file, why, backup);
        } catch (IOException e) {
            LOG.warn("{} {}; no copy could be kept", file, why, e);
        }
    }

    public void save(Settings settings) {
        Properties p = new Properties();
        p.setProperty(LANGUAGE, settings.language().code());
        p.setProperty(DATE_STYLE, settings.dateStyle().name());
        p.setProperty(SIGNATURE_LEVEL, settings.signatureLevel().name());
        p.setProperty(TSA_URL, settings.tsaUrl() == null ? "" : settings.tsaUrl().toString());
        p.setProperty(DataFolder.KEY, settings.dataFolder() == null ? "" : settings.dataFolder().toString());
        List<Path> libraries = settings.tokenLibraries();
        p.setProperty(TOKEN_LIBRARY_COUNT, Integer.toString(libraries.size()));
        for (int i = 0; i < libraries.size(); i++) {
            p.setProperty(TOKEN_LIBRARY + (i + 1), libraries.get(i).toString());
        }
        settings.columnLayouts().forEach((key, layout) -> p.setProperty(COLUMNS + key, layout));
        if (settings.windowPlacementProperty().get() != null) {
            p.setProperty(WINDOW, settings.windowPlacementProperty().get());
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE_NAME + ".new");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                p.store(out, "SiteSign desktop settings");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
