package jp.sitesign.desktop.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop app keeps its data: the OS's application-data folder, unless the system property
 * {@code sitesign.data.home} or the environment variable {@code SITESIGN_DATA_HOME} names another (tests
 * use temporary folders).
 */
public final class DataHome {
    public static final String PROPERTY = "sitesign.data.home";
    public static final String ENV = "SITESIGN_DATA_HOME";

    private DataHome() {
    }

    /** The folder for this process. */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
    }

    /**
     * Windows {@code %APPDATA%\SiteSign}, macOS {@code ~/Library/Application Support/SiteSign}, otherwise
     * {@code $XDG_DATA_HOME/sitesign} or {@code ~/.local/share/sitesign}.
     */
    static Path resolve(String property, Map<String, String> env, String osName, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (present(env.get(ENV))) {
            return Path.of(env.get(ENV));
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return present(appData) ? Path.of(appData, "SiteSign") : Path.of(userHome, "AppData", "Roaming", "SiteSign");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "SiteSign");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        return present(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg, "sitesign")
                : Path.of(userHome, ".local", "share", "sitesign");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
