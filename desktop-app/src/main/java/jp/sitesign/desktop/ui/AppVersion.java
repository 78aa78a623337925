package jp.sitesign.desktop.ui;

import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.Launcher;

/**
 * This app's version: the {@code Implementation-Version} the build writes into the desktop jar's manifest (the same
 * version the installer carries). Run from classes (tests, the IDE) there is none.
 */
public final class AppVersion {
    private AppVersion() {
    }

    /** The version of the running app, or empty when not run from the built jar. */
    public static Optional<String> current() {
        return Optional.ofNullable(Launcher.class.getPackage().getImplementationVersion());
    }

    /** The version as users see it: the number, or 開発版 / development build without one. */
    public static String shown(Optional<String> version, ResourceBundle bundle) {
        return version.orElse(bundle.getString("about.developmentBuild"));
    }
}
