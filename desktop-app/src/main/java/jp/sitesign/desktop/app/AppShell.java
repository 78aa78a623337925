package jp.sitesign.desktop.app;

import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import jp.sitesign.desktop.contracts.ContractsSection;
import jp.sitesign.desktop.main.MainWindowView;
import jp.sitesign.desktop.main.MainWindowViewModel;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.notices.NoticesView;
import jp.sitesign.desktop.notices.NoticesViewModel;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.settings.SettingsView;
import jp.sitesign.desktop.settings.SettingsViewModel;
import jp.sitesign.desktop.ui.FileChoice;
import jp.sitesign.desktop.ui.FxDialogService;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.SyncStatus;
import jp.sitesign.desktop.ui.UiFont;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * Puts the window together: the shell's view model on the sync status, each section's view on its view
 * model, the scene with the app stylesheet and a font that draws Japanese. One place, so the app, the
 * screenshot tool and the start-up benchmark show the same window.
 */
public final class AppShell {
    private final Settings settings;
    private final SettingsFile settingsFile;
    /** The settings' date style, in the language the window was loaded in. */
    private final jp.sitesign.desktop.ui.DateDisplay dates;
    private final SyncStatus syncStatus;
    private final PageRenderer renderer;
    private final Executor ui;
    private final ResourceBundle bundle;
    private MainWindowViewModel mainViewModel;
    private PreviewViewModel previewViewModel;
    private NoticesViewModel notices;
    private String sessionText;
    private Runnable logout;
    private DesktopSession session;
    private ContractsSection contracts;
    private jp.sitesign.desktop.admin.AdminClient adminClient;
    private boolean administers;
    private FileChoice files = FileChoice.dialog();
    /** The main window's scene; its window owns every dialog (set once the scene is made). */
    private Scene scene;

    public AppShell(Settings settings, SettingsFile settingsFile, SyncStatus syncStatus, PageRenderer renderer,
            Executor ui) {
        this.settings = settings;
        this.settingsFile = settingsFile;
        this.syncStatus = syncStatus;
        this.renderer = renderer;
        this.ui = ui;
        this.bundle = I18n.bundle(settings.language());
        this.dates = settings.dates(settings.language());
    }

    /** For a logged-in user: the notices section and its badge, who is logged in and how, and logout. */
    public AppShell signedIn(NoticesViewModel noticesViewModel, String session, Runnable onLogout) {
        this.notices = noticesViewModel;
        this.sessionText = session;
        this.logout = onLogout;
        return this;
    }

    /** The main window's scene, sized for a 1280×800 screen. */
    public Scene scene() {
        mainViewModel = new MainWindowViewModel(syncStatus, bundle).dates(dates).dialogs(dialogs());
        if (notices != null) {
            mainViewModel.unreadNoticesProperty().bind(notices.unreadProperty());
            mainViewModel.setSession(sessionText, logout);
        }
        mainViewModel.showAdmin(administers);
        if (session != null) {
            DesktopSession syncing = session;
            mainViewModel.onCommand(MainWindowViewModel.Command.SYNC_NOW, syncing::commandSaved);
            mainViewModel.onCommand(MainWindowViewModel.Command.NEW_CONTRACT, () -> withContracts(
                    ContractsSection::newContract));
            mainViewModel.onCommand(MainWindowViewModel.Command.SEARCH, () -> withContracts(
                    ContractsSection::focusSearch));
        }
        mainViewModel.onOpenConflicts(() -> {
            if (contracts != null) {
                contracts.showAttention();
            }
        });
        Parent root = new MainWindowView(mainViewModel, this::content).load(bundle);
        root.setStyle("-fx-font-family: '" + UiFont.family(Font.getFamilies()) + "';");
        scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(ViewLoader.appStylesheet());
        return scene;
    }

    /** Runs {@code action} on the contracts section once the window has made it (the menu opens it first). */
    private void withContracts(java.util.function.Consumer<ContractsSection> action) {
        if (contracts != null) {
            action.accept(contracts);
        }
    }

    /** The logged-in session the contract screens work on; without one they show the placeholder. */
    public void session(DesktopSession loggedIn) {
        this.session = loggedIn;
    }

    /**
     * The logged-in user's admin calls; 管理 is in the navigation only when {@code administers} (owners and
     * admins, as {@link jp.sitesign.desktop.admin.AdminAccess} asks the policy).
     */
    public void admin(jp.sitesign.desktop.admin.AdminClient client, boolean administers) {
        this.adminClient = client;
        this.administers = administers;
        if (mainViewModel != null) {
            mainViewModel.showAdmin(administers);
        }
    }

    /** The main window's dialogs: owned by the window showing the scene, files chosen through {@link #files}. */
    private FxDialogService dialogs() {
        return new FxDialogService(() -> scene == null ? null : scene.getWindow(), files);
    }

    /** How the screens ask for a file to open (the platform's dialog unless a test puts in its own). */
    public void files(FileChoice choice) {
        this.files = choice;
    }

    public String title() {
        return bundle.getString("app.title");
    }

    public MainWindowViewModel mainViewModel() {
        return mainViewModel;
    }

    /** The preview's view model once the documents section has been opened; null before. */
    public PreviewViewModel previewViewModel() {
        return previewViewModel;
    }

    private Node content(Section section) {
        switch (section) {
            case CONTRACTS:
                if (session != null) {
                    contracts = new ContractsSection(session, renderer, Clock.systemUTC(), bundle, settings.language())
                            .settings(settings).dialogs(dialogs())
                            .columns(new jp.sitesign.desktop.settings.UserColumns(settings, settingsFile,
                                    session.store().user().value()));
                    return contracts.load(bundle);
                }
                return placeholder();
            case DOCUMENTS:
                previewViewModel = new PreviewViewModel(renderer, ui, bundle);
                return new PreviewView(previewViewModel).load(bundle);
            case ADMIN:
                return jp.sitesign.desktop.admin.AdminView.section(adminClient, ui, bundle, dates, dialogs());
            case SETTINGS:
                return new SettingsView(new SettingsViewModel(settings, settingsFile, settings.language(), bundle))
                        .load(bundle);
            case NOTICES:
                if (notices != null) {
                    return new NoticesView(notices).load(bundle);
                }
                // Not logged in (screenshots, benchmark): the placeholder.
            default:
                return placeholder();
        }
    }

    private Node placeholder() {
        Label comingSoon = new Label(bundle.getString("placeholder.comingSoon"));
        comingSoon.getStyleClass().add("placeholder");
        return comingSoon;
    }

    /** Stops what the sections run in the background (at logout). */
    public void close() {
        if (contracts != null) {
            contracts.close();
            contracts = null;
        }
    }
}
