package jp.sitesign.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code settings.properties} in the data home: plain preferences, nothing secret (stores and keys live
 * in their own owner-only folders). A missing or unreadable value means the default.
 */
public final class SettingsFile {
    public static final String FILE_NAME = "settings.properties";
    private static final String LANGUAGE = "language";

    private final Path file;

    public SettingsFile(Path dataHome) {
        this.file = dataHome.resolve(FILE_NAME);
    }

    public Settings load() {
        Settings settings = new Settings();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            settings.languageProperty().set(Language.fromCode(p.getProperty(LANGUAGE)));
        }
        return settings;
    }

    public void save(Settings settings) {
        Properties p = new Properties();
        p.setProperty(LANGUAGE, settings.language().code());
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "SiteSign desktop settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
