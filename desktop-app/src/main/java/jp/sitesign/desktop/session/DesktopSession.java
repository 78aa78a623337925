package jp.sitesign.desktop.session;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OnlineLogin;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.sync.OfflineException;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.desktop.sync.SyncScheduler;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * A logged-in user of the desktop app: their local store, the sync engine and its scheduler. Login tries
 * the server first and, when it cannot be reached, opens the local store offline with the same password
 * (DESIGN §4: the network is never in the path of a click). An offline session keeps trying to log in
 * online in the background and starts syncing once the server answers.
 *
 * <p>The password stays in memory for the length of the session, for that background login only; it is
 * wiped on logout.
 */
public final class DesktopSession implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final ServerApi api;
    private final StoreSession store;
    private final SyncEngine engine;
    private final SyncScheduler scheduler;
    private final String userId;
    private final boolean mustChangePassword;
    private final OnlineLogin.Kind storeKind;
    private char[] password;
    private final Clock clock;
    private volatile ServerApi.SignaturePolicy policy = new ServerApi.SignaturePolicy(java.util.List.of(), null);
    private final X509Certificate pinned;
    private boolean loggedInOnline;

    private DesktopSession(ServerApi api, StoreSession store, String userId, char[] password,
            boolean mustChangePassword, OnlineLogin.Kind storeKind, String token, Clock clock,
            X509Certificate pinned) {
        this.api = api;
        this.pinned = pinned;
        this.store = store;
        this.engine = new SyncEngine(api, store, token, this::relogin, clock);
        this.clock = clock;
        this.userId = userId;
        this.password = password.clone();
        this.mustChangePassword = mustChangePassword;
        this.storeKind = storeKind;
        this.scheduler = new SyncScheduler(engine, INTERVAL, MAX_BACKOFF);
    }

    /**
     * Logs in: online when the server answers (creating or opening the local store), offline otherwise.
     *
     * @throws SiteSignException the server's refusal (wrong password, locked …), or offline LOCAL_LOGIN_FAILED /
     *                           LOCAL_STORE_MISSING
     */
    public static DesktopSession login(LocalStores stores, URI server, X509Certificate pinned, String userId,
            char[] password, Clock clock) {
        return login(stores, server, pinned, userId, password, clock, true);
    }

    /**
     * As {@link #login(LocalStores, URI, X509Certificate, String, char[], Clock)}; with {@code startSync} false
     * the first sync waits for {@link #startSync()}, so a window can show the store first (its first search does
     * not share the computer with a sync) and follow the sync from its first page.
     */
    public static DesktopSession login(LocalStores stores, URI server, X509Certificate pinned, String userId,
            char[] password, Clock clock, boolean startSync) {
        ServerApi api = new ServerApi(server, pinned);
        String url = server.toString();
        // The store's key derivation runs beside the server's password check (both are deliberately slow).
        java.util.concurrent.CompletableFuture<LocalStores.Unlocked> ahead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> stores.unlockAhead(url, userId, password));
        try {
            ServerApi.Login login = api.login(userId, password);
            OnlineLogin opened = stores.openOnline(url, login.userId(), login.companyId(), password, ahead.join());
            opened.session().rememberCompanyName(login.companyName());
            DesktopSession s = new DesktopSession(api, opened.session(), userId, password,
                    login.mustChangePassword(), opened.kind(), login.token(), clock, pinned);
            s.loggedInOnline = true;
            if (!login.mustChangePassword()) {
                java.nio.file.Path folder = opened.session().location().folder();
                if (TrustAnchorFile.kept(folder)) {
                    // The anchors kept at the last online login serve (as offline) while the server's current
                    // ones are fetched beside the list being shown, not in front of it.
                    s.policy = TrustAnchorFile.read(folder);
                    s.refreshPolicyInBackground(folder, login.token());
                } else {
                    s.policy = TrustAnchorFile.refresh(folder, () -> api.signaturePolicy(login.token()));
                }
                if (startSync) {
                    s.scheduler.start();
                }
            }
            return s;
        } catch (OfflineException e) {
            ahead.join(); // done with the password before the offline login reads it again
            StoreSession store;
            try {
                store = stores.openOffline(url, userId, password);
            } catch (RuntimeException refused) {
                api.close();
                throw refused;
            }
            DesktopSession s = new DesktopSession(api, store, userId, password, false, OnlineLogin.Kind.OPENED, null,
                    clock, pinned);
            s.policy = TrustAnchorFile.read(store.location().folder());
            if (startSync) {
                s.scheduler.start();
            }
            return s;
        } catch (RuntimeException refused) {
            api.close(); // no session: its client (and its connections) go with it
            throw refused;
        }
    }

    /**
     * Fetches the server's signature policy after a login that found one kept: the list shows without waiting
     * for it, and signing uses the fresh anchors once they are in (the kept ones until then, as offline).
     */
    private void refreshPolicyInBackground(java.nio.file.Path folder, String token) {
        Thread t = new Thread(() -> {
            try {
                policy = TrustAnchorFile.refresh(folder, () -> api.signaturePolicy(token));
            } catch (RuntimeException e) {
                // Refused, or the session ended meanwhile (its client closed): the kept policy stays.
            }
        }, "sitesign-anchors");
        t.setDaemon(true);
        t.start();
    }

    /** A new server session with the password of this session (offline start, expired session). */
    private String relogin() {
        char[] pw = password;
        if (pw == null) {
            throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
        }
        return api.login(userId, pw).token();
    }

    public StoreSession store() {
        return store;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The server this session talks to, for the online-only screens (admin); use with {@code engine().token()}. */
    public ServerApi api() {
        return api;
    }

    /**
     * Signing on this computer, checked against the server's trust anchors (fetched at the last online
     * login and kept beside the store, so it works offline too).
     */
    public jp.sitesign.desktop.signing.ContractSigning signing() {
        return new jp.sitesign.desktop.signing.ContractSigning(store, engine::fetch, policy.trustAnchors(), clock);
    }

    /** The certificates signatures are checked against (the server's, as of the last online login). */
    public java.util.List<X509Certificate> trustAnchors() {
        return policy.trustAnchors();
    }

    /**
     * The server's timestamp server (its {@code tsa.url}, or the DEMO TSA in demo mode) as of the last online
     * login, or null when it has none: what signatures are timestamped with unless the user set their own.
     */
    public URI serverTsaUrl() {
        return policy.tsaUrl();
    }

    /** The server's address and the certificate confirmed for it, for calls to the server's own services. */
    public jp.sitesign.desktop.sync.PinnedTrust.Origin serverOrigin() {
        return new jp.sitesign.desktop.sync.PinnedTrust.Origin(api.base(), pinned);
    }

    /** An online-only download of the REST API (the contract export) with this session's token. */
    public byte[] download(String path) {
        return api.download(path, engine.token());
    }

    /** Starts syncing (now, then at the interval) after a login that left it to the caller; again: nothing more. */
    public void startSync() {
        scheduler.start();
    }

    /** Syncs soon: call after every local command. */
    public void commandSaved() {
        scheduler.trigger();
    }

    /** The server requires a new password before anything else (first login with a one-time password). */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Whether the server answered the login (false: the local store was opened offline). */
    public boolean loggedInOnline() {
        return loggedInOnline;
    }

    /** Whether the local store was created now, opened, or replaced (the password changed elsewhere). */
    public OnlineLogin.Kind storeKind() {
        return storeKind;
    }

    /**
     * Changes the password on the server, then re-wraps the local store's key with it (the database is not
     * rewritten), and continues with a fresh session.
     */
    public void changePassword(char[] current, char[] next) {
        if (!Arrays.equals(current, password)) {
            throw DesktopMessage.WRONG_CURRENT_PASSWORD.exception();
        }
        String token = api.login(userId, current).token();
        api.changePassword(token, current, next);
        store.changePassword(next);
        Arrays.fill(password, '\0');
        password = next.clone();
        String fresh = api.login(userId, next).token();
        engine.resume(fresh);
        // A forced change is the first thing after the first login: the anchors were not fetched yet.
        policy = TrustAnchorFile.refresh(store.location().folder(), () -> api.signaturePolicy(fresh));
        scheduler.trigger();
    }

    /**
     * Ends the session: sync stops, the server session ends when reachable, the store and the connection to
     * the server close.
     */
    public void logout() {
        close();
    }

    @Override
    public void close() {
        scheduler.close();
        try {
            String token = engine.token();
            if (token != null) {
                api.logout(token);
            }
        } catch (OfflineException | SiteSignException e) {
            // The server forgets idle sessions by itself.
        }
        store.close();
        api.close();
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }
}
