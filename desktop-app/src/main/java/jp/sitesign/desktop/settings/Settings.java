package jp.sitesign.desktop.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user's preferences for this computer (not per server account). Only the language so far; date
 * style, token libraries, signature level and data folder join it with their screens.
 */
public final class Settings {
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language", Language.JA);

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }
}
