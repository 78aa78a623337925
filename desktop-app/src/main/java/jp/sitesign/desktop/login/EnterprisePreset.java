package jp.sitesign.desktop.login;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import jp.sitesign.desktop.Launcher;

/**
 * The server an IT department rolls the app out with, so users skip the first-run questions: its address and the
 * SHA-256 fingerprint of its certificate, in {@value #FILE_NAME} (keys {@code server.url},
 * {@code server.fingerprint}). Looked for, first found wins: the file the system property {@value #PROPERTY} or the
 * environment variable {@value #ENV} names, then the file beside the app's jar (an installed app's {@code lib/app}
 * on Linux, {@code app} on Windows, {@code Contents/app} on macOS; the installer build can put it there, ADR 20).
 * The app still fetches the certificate itself and pins it only when the fingerprint matches.
 */
public record EnterprisePreset(String serverUrl, String fingerprint) {
    public static final String FILE_NAME = "sitesign-preset.properties";
    public static final String PROPERTY = "sitesign.preset";
    public static final String ENV = "SITESIGN_PRESET";

    /** A preset file that is present but unusable: the first-run screen says which and why. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The preset for this installation, if there is one. */
    public static Optional<EnterprisePreset> find() {
        return find(System.getProperty(PROPERTY), System.getenv(), besideTheJar());
    }

    static Optional<EnterprisePreset> find(String property, Map<String, String> env, Optional<Path> appFolder) {
        if (property != null && !property.isBlank()) {
            return Optional.of(read(Path.of(property)));
        }
        if (env.get(ENV) != null && !env.get(ENV).isBlank()) {
            return Optional.of(read(Path.of(env.get(ENV))));
        }
        return appFolder.map(dir -> dir.resolve(FILE_NAME)).filter(Files::isRegularFile).map(EnterprisePreset::read);
    }

    /** Reads one preset file; a missing key, a malformed fingerprint or an unreadable file is {@link Invalid}. */
    public static EnterprisePreset read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new Invalid(file + ": " + e.getMessage());
        }
        String url = p.getProperty("server.url", "").strip();
        String fingerprint = normalise(p.getProperty("server.fingerprint", ""));
        if (url.isEmpty()) {
            throw new Invalid(file + ": server.url is missing");
        }
        if (!fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
            throw new Invalid(file + ": server.fingerprint must be the certificate's SHA-256 fingerprint (64 hex digits)");
        }
        return new EnterprisePreset(url, fingerprint);
    }

    /** 64 hex digits, with or without colons or spaces, in either case → the form the first-run screen shows. */
    static String normalise(String fingerprint) {
        String hex = fingerprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        return hex.length() == 64 ? String.join(":", hex.split("(?<=\\G..)")) : hex;
    }

    private static Optional<Path> besideTheJar() {
        try {
            java.security.CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
