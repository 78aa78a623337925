package jp.sitesign.desktop.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The server address the user types on first run, {@code https://host:port}: only HTTPS (the app pins the
 * server's certificate), a host, and no path. Port 443 when none is given.
 */
public record ServerAddress(String host, int port) {

    /** Why a typed address cannot be used; {@link #key()} names the message in the window's bundle. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        Invalid(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static ServerAddress parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new Invalid("firstRun.error.empty");
        }
        if (!text.contains("://")) {
            throw new Invalid("firstRun.error.notHttps");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new Invalid("firstRun.error.malformed");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new Invalid("firstRun.error.malformed");
        }
        if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new Invalid("firstRun.error.notHttps");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path)) || uri.getRawQuery() != null
                || uri.getUserInfo() != null) {
            throw new Invalid("firstRun.error.malformed");
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort());
    }

    /** {@code https://host:port}, the base URL the app talks to. */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("https://" + h + ":" + port);
    }
}
