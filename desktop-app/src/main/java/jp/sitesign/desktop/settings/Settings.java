package jp.sitesign.desktop.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.core.SignatureLevel;

/**
 * The user's preferences for this computer (not per server account): language, date style, the PKCS#11
 * libraries the signing dialog offers, the default signature level with the timestamp server it needs, and
 * the data folder for the next start (null: the standard one).
 */
public final class Settings {
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language", Language.JA);
    private final ObjectProperty<DateStyle> dateStyle = new SimpleObjectProperty<>(this, "dateStyle",
            DateStyle.SEIREKI);
    private final ObservableList<Path> tokenLibraries = FXCollections.observableArrayList();
    private final ObjectProperty<SignatureLevel> signatureLevel = new SimpleObjectProperty<>(this, "signatureLevel",
            SignatureLevel.B_B);
    private final ObjectProperty<URI> tsaUrl = new SimpleObjectProperty<>(this, "tsaUrl");
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>(this, "dataFolder");
    /** Tables' column layouts ({@code jp.sitesign.desktop.ui.ColumnLayout}), by user and table: see {@link #layoutKey}. */
    private final javafx.collections.ObservableMap<String, String> columnLayouts =
            FXCollections.observableMap(new java.util.TreeMap<>());
    /** The main window's place (ui.WindowPlacement's text), or null: centred on the primary screen. */
    private final ObjectProperty<String> windowPlacement = new SimpleObjectProperty<>(this, "windowPlacement");

    public Settings() {
        tokenLibraries.setAll(defaultTokenLibraries());
    }

    /** The known libraries of this operating system, installed or not: what "reset" goes back to. */
    public static List<Path> defaultTokenLibraries() {
        return TokenLibraries.known(System.getProperty("os.name", "")).stream().map(TokenLibraries.Library::path)
                .distinct().toList();
    }

    /** The levels this app can make: B-B always, B-T with a timestamp server (B-LT/B-LTA are the server's). */
    public static List<SignatureLevel> producibleLevels(URI tsaUrl) {
        return tsaUrl == null ? List.of(SignatureLevel.B_B) : List.of(SignatureLevel.B_B, SignatureLevel.B_T);
    }

    /** The level signing starts at: the highest this app can make (B-T with a timestamp server, else B-B). */
    public static SignatureLevel defaultLevel(URI tsaUrl) {
        List<SignatureLevel> levels = producibleLevels(tsaUrl);
        return levels.get(levels.size() - 1);
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    public ObjectProperty<DateStyle> dateStyleProperty() {
        return dateStyle;
    }

    public DateStyle dateStyle() {
        return dateStyle.get();
    }

    /** Dates in whatever style these settings say at the time of each call, in the language they name now. */
    public DateDisplay dates() {
        return dates(language());
    }

    /**
     * Dates in whatever style these settings say at the time of each call, for a window in {@code language}
     * (the language the window was loaded in: a changed language setting applies only from the next start).
     */
    public DateDisplay dates(Language language) {
        return DateDisplay.following(dateStyle, language);
    }

    /** The PKCS#11 library paths, in the order the signing dialog offers them. */
    public ObservableList<Path> tokenLibraries() {
        return tokenLibraries;
    }

    public ObjectProperty<SignatureLevel> signatureLevelProperty() {
        return signatureLevel;
    }

    public SignatureLevel signatureLevel() {
        return signatureLevel.get();
    }

    /** The RFC 3161 timestamp server for B-T signatures, or null (then only B-B is made). */
    public ObjectProperty<URI> tsaUrlProperty() {
        return tsaUrl;
    }

    public URI tsaUrl() {
        return tsaUrl.get();
    }

    /** The data folder chosen for the next start, or null for the standard one. */
    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public Path dataFolder() {
        return dataFolder.get();
    }

    /**
     * The column layouts of the tables, by {@link #layoutKey}: each user of this computer arranges the columns
     * for themselves.
     */
    public javafx.collections.ObservableMap<String, String> columnLayouts() {
        return columnLayouts;
    }

    /** The key of {@code userId}'s layout of {@code table} (a user id and a table name hold no dots or spaces). */
    public static String layoutKey(String userId, String table) {
        return userId + "." + table;
    }

    /** Where the main window was last (per screen; see {@code jp.sitesign.desktop.ui.WindowPlacement}). */
    public ObjectProperty<String> windowPlacementProperty() {
        return windowPlacement;
    }
}
