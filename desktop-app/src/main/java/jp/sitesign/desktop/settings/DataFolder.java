package jp.sitesign.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Properties;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * The data folder a user chose in the settings: where the local stores and the server trust live from the next
 * start on. The settings file itself stays in the standard data home ({@link jp.sitesign.desktop.store.DataHome}),
 * so it can point elsewhere. Nothing is moved or deleted when the choice changes. No JavaFX here: the
 * command-line tools resolve the folder too.
 */
public final class DataFolder {
    static final String KEY = "dataFolder";

    private DataFolder() {
    }

    /** The folder to use: the one chosen in {@code home}'s settings file, else {@code home} itself. */
    public static Path effective(Path home) {
        Path file = home.resolve(SettingsFile.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return home;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String chosen = p.getProperty(KEY, "").strip();
            return chosen.isEmpty() ? home : check(chosen);
        } catch (IOException | IllegalArgumentException | SiteSignException e) {
            // SettingsFile reports and backs up a bad file when the window starts; the standard folder is safe.
            return home;
        }
    }

    /**
     * {@code text} as a data folder, or why not: it must be an absolute path to a folder this user can write
     * (an existing one, or a new one under a writable parent).
     *
     * @throws SiteSignException {@link ErrorCode#INVALID_FIELD} with what to fix, in Japanese and English
     */
    public static Path check(String text) {
        String t = text == null ? "" : text.strip();
        Path folder;
        try {
            folder = Path.of(t);
        } catch (InvalidPathException e) {
            throw DesktopMessage.DATA_FOLDER_INVALID.exception(t);
        }
        if (t.isEmpty() || !folder.isAbsolute()) {
            throw DesktopMessage.DATA_FOLDER_NOT_ABSOLUTE.exception();
        }
        folder = folder.normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw DesktopMessage.DATA_FOLDER_IS_A_FILE.exception(folder);
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            throw DesktopMessage.DATA_FOLDER_NOT_WRITABLE.exception(folder);
        }
        return folder;
    }
}
