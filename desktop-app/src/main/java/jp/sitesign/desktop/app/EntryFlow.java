package jp.sitesign.desktop.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import jp.sitesign.desktop.login.EnterprisePreset;
import jp.sitesign.desktop.login.FirstRunView;
import jp.sitesign.desktop.login.FirstRunViewModel;
import jp.sitesign.desktop.login.LoginView;
import jp.sitesign.desktop.login.LoginViewModel;
import jp.sitesign.desktop.login.PasswordChangeView;
import jp.sitesign.desktop.login.PasswordChangeViewModel;
import jp.sitesign.desktop.login.ServerTrustFile.ServerTrust;
import jp.sitesign.desktop.login.ServerTrustFile;
import jp.sitesign.desktop.notices.NoticesViewModel;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.sync.PinnedTrust;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.SyncStatusFeed;
import jp.sitesign.desktop.ui.UiFont;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * Which screen the window shows: first run until a server is confirmed, then the login, the forced password
 * change when the server demands it, and the main window with the session's sync status and notices.
 * Logout closes the session and returns to the login. Slow work (certificate fetch, login, logout) runs on
 * a background thread; screens change on the JavaFX thread.
 */
public final class EntryFlow implements AutoCloseable {
    private final Stage stage;
    private final Settings settings;
    private final SettingsFile settingsFile;
    private final PageRenderer renderer;
    private final Clock clock;
    private final ResourceBundle bundle;
    private final ServerTrustFile trustFile;
    private final LocalStores stores;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sitesign-entry");
        t.setDaemon(true);
        return t;
    });
    private DesktopSession session;
    private SyncStatusFeed feed;
    private AppShell shell;
    private jp.sitesign.desktop.ui.FileChoice files = jp.sitesign.desktop.ui.FileChoice.dialog();
    /** The last logout, still closing the store; a new login waits for it (same store files). */
    private volatile CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    /** The demo's credentials file when started by ./sitesign demo; null otherwise. */
    private Path demoCredentials;
    private java.util.function.Consumer<DesktopSession> beforeSync = s -> { };

    public EntryFlow(Stage stage, Path dataHome, Settings settings, SettingsFile settingsFile, PageRenderer renderer,
            Clock clock) {
        this.stage = stage;
        this.settings = settings;
        this.settingsFile = settingsFile;
        this.renderer = renderer;
        this.clock = clock;
        this.bundle = I18n.bundle(settings.language());
        this.trustFile = new ServerTrustFile(dataHome);
        this.stores = new LocalStores(dataHome, clock);
    }

    /** The first screen: login when a server was confirmed before, first run otherwise. */
    public void start() {
        stage.setTitle(bundle.getString("app.title"));
        trustFile.load().ifPresentOrElse(this::showLogin, this::showFirstRun);
    }

    private void showFirstRun() {
        FirstRunViewModel vm = new FirstRunViewModel(bundle, trustFile, PinnedTrust::fetch, background,
                Platform::runLater, this::showLogin);
        showEntry(new FirstRunView(vm).load(bundle));
        try {
            EnterprisePreset.find().ifPresent(vm::usePreset);
        } catch (EnterprisePreset.Invalid e) {
            vm.presetUnusable(e.getMessage());
        }
    }

    private void showLogin(ServerTrust trust) {
        LoginViewModel vm = new LoginViewModel(bundle, trust.address().toString(),
                (user, password) -> {
                    closing.handle((done, failed) -> null).join();
                    // The sync starts once the main window shows the store (showMain), not before.
                    return DesktopSession.login(stores, trust.address(), trust.certificate(), user, password, clock,
                            false);
                },
                background, Platform::runLater, loggedIn -> loggedIn(trust, loggedIn));
        if (demoCredentials != null) {
            vm.demo(demoCredentials);
        }
        showEntry(new LoginView(vm).load(bundle));
    }

    private void loggedIn(ServerTrust trust, LoginViewModel.LoggedIn loggedIn) {
        session = loggedIn.session();
        if (session.mustChangePassword()) {
            PasswordChangeViewModel vm = new PasswordChangeViewModel(bundle, session, background, Platform::runLater,
                    () -> showMain(trust, bundle.getString("passwordChange.done")));
            showEntry(new PasswordChangeView(vm).load(bundle));
        } else {
            showMain(trust, loggedIn.message());
        }
    }

    private void showMain(ServerTrust trust, String message) {
        NoticesViewModel notices = new NoticesViewModel(session.store(), session::commandSaved, bundle)
                .dates(settings.dates());
        // The header names the person and the company; an online login needs no words (the status bar says it).
        String how = session.loggedInOnline() ? null : message;
        feed = SyncStatusFeed.follow(session.engine(), Platform::runLater, () -> {
            notices.refresh();
            showAdminIfAllowed();
            if (shell != null) {
                shell.sessionText(jp.sitesign.desktop.main.SessionHeader.of(bundle, session.store(), how));
            }
        });
        shell = new AppShell(settings, settingsFile, feed.status(), renderer, Platform::runLater)
                .signedIn(notices, jp.sitesign.desktop.main.SessionHeader.of(bundle, session.store(), how),
                        () -> logout(trust));
        shell.session(session);
        shell.files(files);
        showAdminIfAllowed();
        showScene(shell.scene());
        // The list searches the store as it is, then the sync brings the rest page by page (the first login's
        // list fills in while it runs); the screens above listen to the engine already.
        beforeSync.accept(session);
        session.startSync();
        if (session.loggedInOnline()) {
            checkClientVersion(session, shell);
        }
    }

    /** After an online login: tells an older app so in the header (a notice only; offline or unanswered, nothing). */
    private void checkClientVersion(DesktopSession loggedIn, AppShell shown) {
        background.execute(() -> {
            try {
                jp.sitesign.model.client.ClientVersions versions = loggedIn.api().clientVersions();
                jp.sitesign.desktop.app.UpdateNotice.text(bundle, jp.sitesign.desktop.ui.AppVersion.current(), versions)
                        .ifPresent(text -> Platform.runLater(() -> shown.mainViewModel().setUpdateNotice(text)));
            } catch (RuntimeException e) {
                // Offline again, or the server answered something else: the check waits for the next login.
            }
        });
    }

    /**
     * 管理 for owners and admins, as the policy says of the user's own account; asked again after each sync,
     * because on the very first login the account arrives with the first sync.
     */
    private void showAdminIfAllowed() {
        if (shell == null || session == null) {
            return;
        }
        boolean administers = session.store().user(session.store().user().value())
                .map(me -> jp.sitesign.desktop.admin.AdminAccess.of(me).administers()).orElse(false);
        shell.admin(jp.sitesign.desktop.admin.AdminClient.of(session), administers);
    }

    private void logout(ServerTrust trust) {
        DesktopSession ending = session;
        session = null;
        if (shell != null) {
            shell.close();
        }
        shell = null;
        if (feed != null) {
            feed.stop();
        }
        if (ending != null) {
            closing = CompletableFuture.runAsync(ending::logout, background);
        }
        showLogin(trust);
    }

    /** How the screens ask for a file to open; the platform's dialog unless a test puts in its own. */
    public EntryFlow files(jp.sitesign.desktop.ui.FileChoice choice) {
        this.files = choice;
        return this;
    }

    /**
     * This is {@code ./sitesign demo} with its logins in {@code credentials} (see
     * {@link jp.sitesign.desktop.login.DemoLogins}): the login screen says where they are. Before {@link #start}.
     */
    public EntryFlow demo(Path credentials) {
        this.demoCredentials = credentials;
        return this;
    }

    /**
     * Runs with each session's main window shown, just before its sync starts (for tests and tools that follow
     * the sync from its beginning); on the JavaFX thread.
     */
    public EntryFlow beforeSync(java.util.function.Consumer<DesktopSession> hook) {
        this.beforeSync = hook;
        return this;
    }

    /** The main window's shell while logged in (for tests and tools); null otherwise. */
    public AppShell shell() {
        return shell;
    }

    private void showEntry(Parent form) {
        // The form as a card of its own height, under the product's name, in the middle of the window.
        if (form instanceof javafx.scene.layout.Region card) {
            card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (card.getMaxWidth() > 0 && card.getMaxWidth() < 10_000 && card.getPrefWidth() < 0) {
                card.setPrefWidth(card.getMaxWidth());
            }
        }
        javafx.scene.control.Label brand = new javafx.scene.control.Label(bundle.getString("app.title"),
                new org.kordamp.ikonli.javafx.FontIcon("mdi2f-file-document-edit-outline"));
        brand.getStyleClass().add("entry-brand");
        javafx.scene.layout.VBox column = new javafx.scene.layout.VBox(12, brand, form);
        column.setAlignment(javafx.geometry.Pos.CENTER);
        column.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane root = new StackPane(column);
        root.getStyleClass().add("entry");
        root.setStyle("-fx-font-family: '" + UiFont.family(Font.getFamilies()) + "';");
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(ViewLoader.appStylesheet());
        jp.sitesign.desktop.help.HelpWindow.installShortcut(scene, bundle, () -> "login");
        showScene(scene);
    }

    /**
     * The next screen in the same window, which keeps its size and place: a scene of its own size would otherwise
     * resize the window at every login (a 1366×768 laptop's status bar then fell off the screen).
     */
    private void showScene(Scene scene) {
        boolean keep = stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen();
        double width = stage.getWidth();
        double height = stage.getHeight();
        stage.setScene(scene);
        if (keep) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
    }

    /** At the end of the app: the session closes (sync stops, the store closes). */
    @Override
    public void close() {
        if (feed != null) {
            feed.stop();
        }
        if (session != null) {
            session.logout();
            session = null;
        }
        background.shutdownNow();
    }
}
