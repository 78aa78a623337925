package jp.sitesign.desktop.settings;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The settings screen: the language choice, saved to {@link SettingsFile}. The window's texts are loaded
 * once at start, so a new language shows from the next start, and the screen says so.
 */
public final class SettingsViewModel {
    private final Settings settings;
    private final SettingsFile file;
    private final Language running;
    private final ResourceBundle bundle;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SettingsViewModel(Settings settings, SettingsFile file, Language running, ResourceBundle bundle) {
        this.settings = settings;
        this.file = file;
        this.running = running;
        this.bundle = bundle;
        language.set(settings.language());
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void save() {
        settings.languageProperty().set(language.get());
        try {
            file.save(settings);
        } catch (UncheckedIOException e) {
            message.set("");
            error.set(bundle.getString("settings.saveFailed") + " (" + e.getCause().getMessage() + ")");
            return;
        }
        error.set("");
        message.set(bundle.getString(language.get() == running ? "settings.saved" : "settings.savedRestart"));
    }
}
