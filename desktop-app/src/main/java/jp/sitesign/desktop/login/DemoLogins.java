package jp.sitesign.desktop.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this app was started by {@code ./sitesign demo}, which says so by naming the demo's credentials file
 * ({@code data/demo/demo-credentials.txt}) in {@value #VARIABLE}. The login screen then tells where the demo
 * logins are: the file's path and that the terminal printed them. It never reads the passwords onto the screen:
 * the file is the user's own (0600) and the terminal already shows them, while a window is what gets projected in
 * a meeting, shared in a call or captured in a screenshot (the manual's pictures are taken from this screen).
 */
public final class DemoLogins {
    /** Set by {@code ./sitesign demo} to the absolute path of the credentials file. */
    public static final String VARIABLE = "SITESIGN_DEMO_CREDENTIALS";

    private DemoLogins() {
    }

    /** The demo's credentials file when the environment names one that exists; empty outside the demo. */
    public static Optional<Path> find(Map<String, String> env) {
        String named = env.get(VARIABLE);
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(named).toAbsolutePath();
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
