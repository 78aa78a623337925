package jp.sitesign.desktop.settings;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.core.SignatureLevel;

/**
 * The settings screen: language, date style, the token libraries the signing dialog offers, the default
 * signature level (only levels this app can make: B-T once a timestamp server is given), and the data folder
 * for the next start. Nothing changes until {@link #save()}, which checks every field first and keeps the
 * file untouched when one is wrong. The date style shows at once; the language and the data folder from the
 * next start, and the screen says so. A new data folder never moves or deletes the old one's data.
 */
public final class SettingsViewModel {
    private final Settings settings;
    private final SettingsFile file;
    private final Language running;
    private final ResourceBundle bundle;
    private final Path folderInUse;
    private final String osName;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<DateStyle> dateStyle = new SimpleObjectProperty<>(this, "dateStyle");
    private final ObservableList<TokenLibraryRow> libraries = FXCollections.observableArrayList();
    private final StringProperty newLibrary = new SimpleStringProperty(this, "newLibrary", "");
    private final StringProperty tsaUrl = new SimpleStringProperty(this, "tsaUrl", "");
    private final ObservableList<SignatureLevel> levels = FXCollections.observableArrayList();
    private final ObjectProperty<SignatureLevel> level = new SimpleObjectProperty<>(this, "level");
    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder", "");
    private final ReadOnlyStringWrapper libraryError = new ReadOnlyStringWrapper(this, "libraryError", "");
    private final ReadOnlyStringWrapper tsaError = new ReadOnlyStringWrapper(this, "tsaError", "");
    private final ReadOnlyStringWrapper dataFolderError = new ReadOnlyStringWrapper(this, "dataFolderError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SettingsViewModel(Settings settings, SettingsFile file, Language running, ResourceBundle bundle) {
        this.settings = settings;
        this.file = file;
        this.running = running;
        this.bundle = bundle;
        this.osName = System.getProperty("os.name", "");
        Path home = file.path().getParent();
        this.folderInUse = settings.dataFolder() != null ? settings.dataFolder() : home;
        language.set(settings.language());
        dateStyle.set(settings.dateStyle());
        settings.tokenLibraries().forEach(this::addRow);
        tsaUrl.set(settings.tsaUrl() == null ? "" : settings.tsaUrl().toString());
        dataFolder.set(settings.dataFolder() == null ? "" : settings.dataFolder().toString());
        updateLevels();
        level.set(levels.contains(settings.signatureLevel()) ? settings.signatureLevel() : SignatureLevel.B_B);
        tsaUrl.addListener((obs, old, now) -> updateLevels());
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public List<DateStyle> dateStyles() {
        return List.of(DateStyle.values());
    }

    /** 西暦（例: 2026/11/26） or 和暦（例: 令和8年11月26日）. */
    public String label(DateStyle style) {
        return style == null ? "" : bundle.getString("settings.dateStyle." + style.name());
    }

    public String label(SignatureLevel l) {
        return l == null ? "" : bundle.getString("settings.level." + l.name());
    }

    /** The path, and 見つかりません when the file is not on this computer. */
    public String label(TokenLibraryRow row) {
        if (row == null) {
            return "";
        }
        String text = row.name().isEmpty() ? row.path().toString() : row.path() + " — " + row.name();
        return row.installed() ? text : text + " " + bundle.getString("settings.library.missing");
    }

    /** Adds the typed (or chosen) path to the end of the list; a relative or repeated path is refused. */
    public void addLibrary() {
        String text = newLibrary.get() == null ? "" : newLibrary.get().strip();
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (text.isEmpty() || path == null || !path.isAbsolute()) {
            libraryError.set(bundle.getString("settings.library.notAbsolute"));
            return;
        }
        Path normal = path.normalize();
        if (libraries.stream().anyMatch(r -> r.path().equals(normal))) {
            libraryError.set(bundle.getString("settings.library.duplicate"));
            return;
        }
        addRow(normal);
        newLibrary.set("");
        libraryError.set("");
    }

    public void removeLibrary(TokenLibraryRow row) {
        libraries.remove(row);
        libraryError.set("");
    }

    /** Back to this operating system's known libraries. */
    public void resetLibraries() {
        libraries.clear();
        Settings.defaultTokenLibraries().forEach(this::addRow);
        libraryError.set("");
    }

    private void addRow(Path path) {
        String name = TokenLibraries.known(osName).stream().filter(l -> l.path().equals(path))
                .map(TokenLibraries.Library::name).findFirst().orElse("");
        libraries.add(new TokenLibraryRow(path, name, Files.isRegularFile(path)));
    }

    private void updateLevels() {
        URI tsa = parsedTsa();
        SignatureLevel chosen = level.get();
        levels.setAll(Settings.producibleLevels(tsa));
        level.set(chosen != null && levels.contains(chosen) ? chosen : SignatureLevel.B_B);
    }

    /** The typed timestamp server, or null when empty or not an http(s) address. */
    private URI parsedTsa() {
        String text = tsaUrl.get() == null ? "" : tsaUrl.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return SettingsFile.tsaUrl(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks every field, then saves; on a wrong field the error sits under it and nothing is saved. */
    public void save() {
        message.set("");
        error.set("");
        String tsaText = tsaUrl.get() == null ? "" : tsaUrl.get().strip();
        URI tsa = parsedTsa();
        tsaError.set(!tsaText.isEmpty() && tsa == null ? bundle.getString("settings.tsa.invalid") : "");
        Path folder = null;
        dataFolderError.set("");
        String folderText = dataFolder.get() == null ? "" : dataFolder.get().strip();
        if (!folderText.isEmpty()) {
            try {
                folder = DataFolder.check(folderText);
            } catch (SiteSignException e) {
                dataFolderError.set(UserMessages.of(e, running));
            }
        }
        if (!tsaError.get().isEmpty() || !dataFolderError.get().isEmpty()) {
            error.set(bundle.getString("settings.notSaved"));
            return;
        }
        Path folderBefore = settings.dataFolder();
        settings.languageProperty().set(language.get());
        settings.dateStyleProperty().set(dateStyle.get());
        settings.tokenLibraries().setAll(libraries.stream().map(TokenLibraryRow::path).toList());
        settings.tsaUrlProperty().set(tsa);
        settings.signatureLevelProperty().set(level.get() == null ? SignatureLevel.B_B : level.get());
        settings.dataFolderProperty().set(folder);
        try {
            file.save(settings);
        } catch (UncheckedIOException e) {
            error.set(bundle.getString("settings.saveFailed") + " (" + e.getCause().getMessage() + ")");
            return;
        }
        message.set(savedMessage(!Objects.equals(folderBefore, folder), folder));
    }

    private String savedMessage(boolean folderChanged, Path folder) {
        StringBuilder text = new StringBuilder(
                bundle.getString(language.get() == running ? "settings.saved" : "settings.savedRestart"));
        Path next = folder == null ? file.path().getParent() : folder;
        if (folderChanged && !next.equals(folderInUse)) {
            text.append('\n').append(I18n.format(bundle, "settings.dataFolder.changed", next, folderInUse));
        }
        return text.toString();
    }

    /** The folder this running app uses, shown beside the field. */
    public String folderInUseText() {
        return I18n.format(bundle, "settings.dataFolder.inUse", folderInUse);
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<DateStyle> dateStyleProperty() {
        return dateStyle;
    }

    public ObservableList<TokenLibraryRow> libraries() {
        return libraries;
    }

    public StringProperty newLibraryProperty() {
        return newLibrary;
    }

    public StringProperty tsaUrlProperty() {
        return tsaUrl;
    }

    /** The levels to offer now (follows the timestamp server field). */
    public ObservableList<SignatureLevel> levels() {
        return levels;
    }

    public ObjectProperty<SignatureLevel> levelProperty() {
        return level;
    }

    /** Empty for the standard folder. */
    public StringProperty dataFolderProperty() {
        return dataFolder;
    }

    public ReadOnlyStringProperty libraryErrorProperty() {
        return libraryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tsaErrorProperty() {
        return tsaError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderErrorProperty() {
        return dataFolderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
