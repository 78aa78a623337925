package jp.sitesign.desktop.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.user.UserId;

/**
 * The folder of one user's store on one server: {@code <data home>/stores/<server>/<user id>}, the server
 * named by the first 16 hex digits of the SHA-256 of its normalised base URL (the URL itself would
 * reveal which company's server this laptop talks to, and makes an awkward folder name).
 */
public record StoreLocation(Path folder, String serverKey, String userId) {
    static final String DATABASE = "store";
    static final String KEY_FILE = "store.key";

    public static StoreLocation of(Path dataHome, String serverUrl, String userId) {
        if (!UserId.isValid(userId)) {
            throw new IllegalArgumentException("user id must be U followed by 8 digits: " + userId);
        }
        String key = serverKey(serverUrl);
        return new StoreLocation(dataHome.resolve("stores").resolve(key).resolve(userId), key, userId);
    }

    /** The same server however its URL is written: scheme and host in lower case, no trailing slash. */
    static String serverKey(String serverUrl) {
        URI u = URI.create(serverUrl.strip()).normalize();
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("server URL needs a scheme and a host: " + serverUrl);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        String normal = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
        return Digests.sha256Hex(normal.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    Path database() {
        return folder.resolve(DATABASE);
    }

    Path databaseFile() {
        return folder.resolve(DATABASE + ".mv.db");
    }

    Path keyFile() {
        return folder.resolve(KEY_FILE);
    }

    /** What the wrapped store key is bound to, so a key file copied to another user's folder does not open. */
    String keyOwner() {
        return "sitesign-local-store|" + serverKey + "|" + userId;
    }
}
