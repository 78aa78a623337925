package jp.sitesign.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.UserId;

/**
 * Opens a user's local store: the only way to a {@link StoreSession}. One folder per (server, user)
 * ({@link StoreLocation}) holds the encrypted H2 file and the key file.
 *
 * <ul>
 *   <li>{@link #openOnline} after the server accepted the password: creates the store on the first login,
 *       opens it otherwise, and replaces it (setting the old one aside) when the password no longer opens
 *       it because it was changed elsewhere;</li>
 *   <li>{@link #openOffline} without a server: the same password as at the last online login opens it;
 *       anything else fails with {@link ErrorCode#LOCAL_LOGIN_FAILED}.</li>
 * </ul>
 */
public final class LocalStores {
    private final Path home;
    private final Clock clock;

    public LocalStores(Path home) {
        this(home, Clock.systemUTC());
    }

    public LocalStores(Path home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** The stores in {@link DataHome#resolve()}. */
    public static LocalStores atDataHome() {
        return new LocalStores(DataHome.resolve());
    }

    public StoreLocation location(String serverUrl, String userId) {
        return StoreLocation.of(home, serverUrl, userId);
    }

    /** Opens the store after the server verified {@code password} for {@code user} of {@code company}. */
    public OnlineLogin openOnline(String serverUrl, UserId user, CompanyId company, char[] password) {
        return openOnline(serverUrl, user, company, password, null);
    }

    /**
     * A store key unwrapped ahead of the server's answer (see {@link #unlockAhead}); used only for the
     * store it was unwrapped from.
     */
    public record Unlocked(StoreLocation at, SecretKey key) {
    }

    /**
     * Unwraps the key of the store the user is logging in to while the server checks the password, so
     * the two slow key derivations (the server's and this one) run side by side. Null when there is no
     * store here yet or the password does not open it (then {@link #openOnline} decides as usual, after
     * the server has accepted the password). The key is only ever used once the server has said yes.
     */
    public Unlocked unlockAhead(String serverUrl, String userId, char[] password) {
        try {
            StoreLocation at = location(serverUrl, userId);
            return Files.exists(at.keyFile()) ? new Unlocked(at, StoreKeyFile.unwrap(at, password)) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** As {@link #openOnline(String, UserId, CompanyId, char[])}, with a key unwrapped ahead (or null). */
    public OnlineLogin openOnline(String serverUrl, UserId user, CompanyId company, char[] password,
            Unlocked ahead) {
        StoreLocation at = location(serverUrl, user.value());
        OwnerOnlyFiles.directory(at.folder());
        if (!Files.exists(at.keyFile())) {
            // A database without its key file can never be opened again; keep it aside all the same.
            List<Path> aside = Files.exists(at.databaseFile()) ? List.of(setAside(at)) : List.of();
            return new OnlineLogin(create(at, user, company, password), aside.isEmpty() ? OnlineLogin.Kind.CREATED
                    : OnlineLogin.Kind.REPLACED, aside);
        }
        SecretKey key;
        try {
            key = ahead != null && ahead.at().equals(at) ? ahead.key() : StoreKeyFile.unwrap(at, password);
        } catch (SiteSignException e) {
            if (e.code() != ErrorCode.LOCAL_LOGIN_FAILED) {
                throw e;
            }
            Path aside = setAside(at);
            return new OnlineLogin(create(at, user, company, password), OnlineLogin.Kind.REPLACED, List.of(aside));
        }
        return new OnlineLogin(StoreSession.open(at, key, user, company, clock), OnlineLogin.Kind.OPENED, List.of());
    }

    /**
     * Opens the store without the server.
     *
     * @throws SiteSignException {@link ErrorCode#LOCAL_STORE_MISSING} before the first online login here,
     *                           {@link ErrorCode#LOCAL_LOGIN_FAILED} for any other password than the last one
     *                           used online
     */
    public StoreSession openOffline(String serverUrl, String userId, char[] password) {
        StoreLocation at = location(serverUrl, userId);
        SecretKey key = StoreKeyFile.unwrap(at, password);
        return StoreSession.open(at, key, new UserId(userId), null, clock);
    }

    private StoreSession create(StoreLocation at, UserId user, CompanyId company, char[] password) {
        SecretKey key = Aead.newKey();
        try {
            Files.deleteIfExists(at.databaseFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The database first: a crash before the key file is written leaves a file without a key, which the
        // next online login sets aside and recreates.
        StoreSession session = StoreSession.open(at, key, user, company, clock);
        StoreKeyFile.write(at, key, password);
        return session;
    }

    /** Moves the store's files into {@code set-aside/<millis>} beside them, for {@link StoreSession#adoptSetAside}. */
    private Path setAside(StoreLocation at) {
        Path dir = at.folder().resolve(StoreSession.SET_ASIDE).resolve(Long.toString(clock.millis()));
        OwnerOnlyFiles.directory(dir);
        try {
            for (Path f : List.of(at.databaseFile(), at.keyFile())) {
                if (Files.exists(f)) {
                    Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the old local store aside", e);
        }
        return dir;
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
