package jp.sitesign.desktop.app;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a window can be shown at all, asked before JavaFX starts so a server or SSH session gets a
 * clear sentence instead of the toolkit's stack trace. Windows and macOS always have a display; other
 * systems need X11 or Wayland, unless the headless Monocle platform is selected (tests, screenshots).
 */
public final class DisplayCheck {
    private DisplayCheck() {
    }

    public static boolean displayAvailable(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        if ("monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        return present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
