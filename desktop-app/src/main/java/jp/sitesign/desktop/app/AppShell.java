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

    /** Who is logged in, again (the first sync brings the user's name). */
    public void sessionText(String text) {
        this.sessionText = text;
        if (mainViewModel != null && notices != null) {
            mainViewModel.setSession(text, logout);
        }
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
            mainViewModel.onCommand(MainWindowViewModel.Command.BULK_SIGN, () -> withContracts(
                    ContractsSection::bulkSign));
        }
        mainViewModel.onOpenConflicts(() -> {
            if (contracts != null) {
                contracts.showAttention();
            }
        });
        Parent root = new MainWindowView(mainViewModel, this::content).load(bundle);
        root.setStyle("-fx-font-family: '" + UiFont.family(Font.getFamilies()) + "';");
        addProfileAndHelp(root);
        scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(ViewLoader.appStylesheet());
        jp.sitesign.desktop.help.HelpWindow.installShortcut(scene, bundle, this::helpChapter);
        return scene;
    }

    /**
     * 自分の情報 (for a logged-in user) and ヘルプ as header buttons before このアプリについて (issue 14); the same two
     * are offered as menu items by {@link jp.sitesign.desktop.profile.ProfileWindow#menuItem} and
     * {@link jp.sitesign.desktop.help.HelpWindow#menuItem}.
     */
    private void addProfileAndHelp(Parent root) {
        if (root.lookup(".menu-bar") instanceof javafx.scene.control.MenuBar bar) {
            for (javafx.scene.control.Menu menu : bar.getMenus()) {
                if ("helpMenu".equals(menu.getId())) {
                    // F1 stays the scene's own shortcut, which opens the chapter of the section shown.
                    javafx.scene.control.MenuItem manual = jp.sitesign.desktop.help.HelpWindow.menuItem(bundle,
                            () -> scene.getWindow());
                    manual.setAccelerator(null);
                    menu.getItems().add(0, manual);
                    if (session != null) {
                        menu.getItems().add(1, jp.sitesign.desktop.profile.ProfileWindow.menuItem(bundle,
                                () -> scene.getWindow(), () -> session));
                    }
                    menu.getItems().add(menu.getItems().size() - 1, new javafx.scene.control.SeparatorMenuItem());
                }
            }
        }
        if (!(root.lookup(".header") instanceof javafx.scene.layout.Pane header)) {
            return;
        }
        javafx.scene.Node about = root.lookup("#aboutButton");
        int at = about == null ? header.getChildren().size() : header.getChildren().indexOf(about);
        javafx.scene.control.Button help = new javafx.scene.control.Button(bundle.getString("help.button"));
        help.setId("helpButton");
        help.setOnAction(e -> jp.sitesign.desktop.help.HelpWindow.show(scene.getWindow(), bundle, helpChapter()));
        header.getChildren().add(at, help);
        if (session != null) {
            javafx.scene.control.Button profile = new javafx.scene.control.Button(bundle.getString("profile.button"));
            profile.setId("profileButton");
            profile.setOnAction(e -> jp.sitesign.desktop.profile.ProfileWindow.open(scene.getWindow(), bundle,
                    session));
            header.getChildren().add(at, profile);
        }
    }

    /** The manual's chapter for the section shown (F1 and ヘルプ open it there). */
    private String helpChapter() {
        Section shown = mainViewModel == null ? null : mainViewModel.selectedSectionProperty().get();
        if (shown == null) {
            return null;
        }
        return switch (shown) {
            case CONTRACTS -> "contracts";
            case DOCUMENTS -> "pdf";
            case ADMIN -> "admin";
            default -> null;
        };
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

    /** The user's last choices, beside the settings file; null without one (screenshots, benchmarks). */
    private jp.sitesign.desktop.settings.Remembered remembered() {
        return settingsFile == null || settingsFile.path().getParent() == null ? null
                : new jp.sitesign.desktop.settings.Remembered(settingsFile.path().getParent());
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
                            .settings(settings).dialogs(dialogs()).remembered(remembered())
                            .columns(new jp.sitesign.desktop.settings.UserColumns(settings, settingsFile,
                                    session.store().user().value()));
                    Node shown = contracts.load(bundle);
                    mainViewModel.attentionCountProperty().bind(contracts.attentionCount());
                    return shown;
                }
                return placeholder();
            case DOCUMENTS:
                previewViewModel = new PreviewViewModel(renderer, ui, bundle);
                return new PreviewView(previewViewModel).load(bundle);
            case ADMIN:
                return jp.sitesign.desktop.admin.AdminView.section(adminClient, ui, bundle, dates, dialogs(),
                        session == null ? null : new jp.sitesign.desktop.admin.StoreNames(session.store()));
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
            if (mainViewModel != null) {
                mainViewModel.attentionCountProperty().unbind();
                mainViewModel.attentionCountProperty().set(0);
            }
            contracts.close();
            contracts = null;
        }
    }
}
