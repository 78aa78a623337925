package jp.sitesign.desktop.contracts;

import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.FileChoice;
import jp.sitesign.desktop.ui.FxDialogService;

/**
 * The contracts section of the main window: the list beside the selected contract's detail (with the
 * PDF preview), and a tab of what needs the user's attention. One background thread does the store's
 * reads and writes for these screens, so the UI thread never waits for the database or the network.
 */
public final class ContractsSection {
    /**
     * After logout ({@link #close}) a late listener (a filter's last change, the session's end) may still ask for
     * work: it is dropped, as the screens it would update are gone, instead of failing on the stopped thread.
     */
    private final ExecutorService background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "contracts-ui-io");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final ContractListViewModel list;
    private final ContractDetailViewModel detail;
    private final EvidenceViewModel evidence;
    private final ConflictsViewModel conflicts;
    private final PreviewViewModel preview;
    private final jp.sitesign.desktop.signatures.SignaturePanelViewModel signatures;
    private final ContractReading reading;
    private volatile Object lastSyncMark;
    private final DesktopSession session;
    private final Clock clock;
    private final jp.sitesign.desktop.ui.Language language;
    private final Runnable saved;
    private jp.sitesign.desktop.ui.DateDisplay dates =
            jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI);
    private jp.sitesign.desktop.settings.Settings followed;
    private FxDialogService dialogs = new FxDialogService(() -> null, FileChoice.dialog());
    /** The user's last choices (key source and file, save folder, viewer size); null: nothing remembered. */
    private jp.sitesign.desktop.settings.Remembered remembered;
    private TabPane tabs;
    /** Where the list keeps the user's column layout (none: the default columns each time). */
    private jp.sitesign.desktop.ui.ColumnMemory.Store columns;
    private ContractListView listView;
    private ResourceBundle loadedBundle;

    /** Set at logout: a sync state change or selection that arrives later must not use the stopped executor. */
    private volatile boolean closed;

    public ContractsSection(DesktopSession session, PageRenderer renderer, Clock clock, ResourceBundle bundle) {
        this(session, renderer, clock, bundle, jp.sitesign.desktop.ui.Language.JA);
    }

    public ContractsSection(DesktopSession session, PageRenderer renderer, Clock clock, ResourceBundle bundle,
            jp.sitesign.desktop.ui.Language language) {
        this.session = session;
        this.clock = clock;
        this.language = language;
        StoreSession store = session.store();
        this.saved = () -> {
            session.commandSaved();
            Platform.runLater(this::refresh);
        };
        list = new ContractListViewModel(store, new FilterFile(store.location().folder()), session::download,
                background, Platform::runLater, bundle).clock(clock);
        detail = new ContractDetailViewModel(store, session.engine()::fetch, saved, clock, background,
                Platform::runLater, bundle);
        evidence = new EvidenceViewModel(session::download, background, Platform::runLater, bundle);
        detail.contractProperty().addListener((obs, old, k) -> evidence.show(k));
        conflicts = new ConflictsViewModel(store, saved, background, Platform::runLater, bundle);
        preview = new PreviewViewModel(renderer, Platform::runLater, bundle);
        // Selecting a contract opens its PDF; save and print work from this computer's copy, offline too.
        reading = new ContractReading(detail, store, session.engine()::fetch, background, Platform::runLater, bundle)
                .follow(preview);
        // Verifying a long PDF takes a while: not on the store's thread, so the screens stay responsive.
        signatures = new jp.sitesign.desktop.signatures.SignaturePanelViewModel(session::trustAnchors, clock,
                java.util.concurrent.ForkJoinPool.commonPool(), Platform::runLater, bundle);
        // A finished sync (a new last-sync time or other counts) may have changed any contract shown. The state
        // as it is now is what the screens are about to read anyway: no second search for it at login.
        lastSyncMark = syncMark(session.engine().state());
        session.engine().addListener(state -> {
            Object mark = syncMark(state);
            if (!mark.equals(lastSyncMark)) {
                lastSyncMark = mark;
                Platform.runLater(this::refresh);
            }
        });
        // A first sync shows its pages as they are committed, not only when the whole exchange has ended.
        session.engine().addProgressListener(p -> Platform.runLater(() -> {
            if (!closed) {
                list.pullProgress(p);
            }
        }));
    }

    private static Object syncMark(jp.sitesign.desktop.sync.SyncState state) {
        return java.util.List.of(String.valueOf(state.lastSync()), state.pendingCommands(), state.needingAttention());
    }

    /**
     * Dates in the style {@code settings} say (the list and detail redraw when it changes), and
     * the signing dialog's token libraries, timestamp server and default level from them.
     */
    public ContractsSection settings(jp.sitesign.desktop.settings.Settings settings) {
        this.followed = settings;
        this.dates = settings.dates();
        list.dates(dates);
        detail.dates(dates);
        signatures.dates(dates);
        return this;
    }

    /** Remembers the user's last choices across windows and starts (the signing key, the save folder). */
    public ContractsSection remembered(jp.sitesign.desktop.settings.Remembered memory) {
        this.remembered = memory;
        reading.remembered(memory);
        return this;
    }

    /**
     * Where the section's questions are asked and its windows opened: the main window's dialogs, which own
     * the editor, route and signing windows (and, through them, those windows' own questions).
     */
    public ContractsSection dialogs(FxDialogService service) {
        this.dialogs = service;
        detail.dialogs(service);
        reading.dialogs(service);
        return this;
    }

    /** Keeps the list's column layout in {@code store} (the logged-in user's settings). */
    public ContractsSection columns(jp.sitesign.desktop.ui.ColumnMemory.Store store) {
        this.columns = store;
        return this;
    }

    /** Shows what the store holds now (after a sync or a local command); nothing once closed (logged out). */
    public void refresh() {
        if (closed) {
            return;
        }
        list.search();
        conflicts.refresh();
        if (detail.contractProperty().get() != null) {
            detail.load(detail.contractProperty().get().id());
        }
    }

    public Node load(ResourceBundle bundle) {
        ContractListView listView = new ContractListView(list);
        this.listView = listView;
        this.loadedBundle = bundle;
        Parent listRoot = listView.load(bundle);
        if (columns != null) {
            listView.rememberColumns(columns);
        }
        Parent detailRoot = new ContractDetailView(detail,
                new PreviewView(preview).embedded(ReadingTools.of(reading, this::openViewer, bundle)).load(bundle),
                new jp.sitesign.desktop.signatures.SignaturePanelView(signatures).load(bundle),
                EvidenceButton.of(evidence, bundle)).load(bundle);
        listView.table().getSelectionModel().selectedItemProperty()
                .addListener((obs, old, row) -> {
                    if (row != null && !closed) {
                        detail.load(row.id());
                    }
                });
        detail.mainDocumentProperty().addListener((obs, old, file) -> {
            if (file != null) {
                preview.open(file);
            }
        });
        signatures.follow(detail.mainDocumentProperty(), detail.contractProperty());

        SplitPane split = new SplitPane(listRoot, detailRoot);
        split.setDividerPositions(0.7);
        Tab listTab = new Tab(bundle.getString("contracts.tab.list"), split);
        Tab attentionTab = new Tab(bundle.getString("contracts.tab.attention"),
                new ConflictsView(conflicts).load(bundle));
        javafx.scene.control.Label badge = countBadge();
        // Set and removed rather than hidden: a tab header sizes itself for the graphic it had when first drawn.
        conflicts.countProperty().addListener((obs, old, n) -> attentionTab.setGraphic(n.intValue() > 0 ? badge : null));
        attentionTab.setGraphic(conflicts.countProperty().get() > 0 ? badge : null);
        conflicts.onOpen(id -> {
            tabs.getSelectionModel().select(listTab);
            detail.load(id);
        });
        attentionTab.setOnSelectionChanged(e -> {
            if (attentionTab.isSelected()) {
                conflicts.refresh();
            }
        });
        attentionTab.setId("attentionTab");
        tabs = new TabPane(listTab, attentionTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detail.load(null);
        conflicts.refresh();
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(tabs);
        root.setTop(toolbar(bundle));
        return root;
    }

    /** The number of things in 要対応 (contracts waiting on the user and sync problems), as a badge. */
    private javafx.scene.control.Label countBadge() {
        javafx.scene.control.Label badge = new javafx.scene.control.Label();
        badge.setId("attentionBadge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(conflicts.countProperty().asString());
        return badge;
    }

    /**
     * How many things need the user in 要対応: the contracts waiting on them and the commands with a sync problem,
     * read again after every sync and local command (the main window's navigation shows it as a badge).
     */
    public javafx.beans.property.ReadOnlyIntegerProperty attentionCount() {
        return conflicts.countProperty();
    }

    /** Opens the editor for a new contract (the menu's 新規作成, Ctrl+N). */
    public void newContract() {
        if (loadedBundle != null && !closed) {
            openEditor(null, loadedBundle);
        }
    }

    /** Shows the list and puts the cursor in its title search (the menu's 検索, Ctrl+F). */
    public void focusSearch() {
        if (tabs != null && listView != null) {
            tabs.getSelectionModel().select(0);
            listView.focusSearch();
        }
    }

    /** Brings the 対応が必要 tab to the front (the status bar's conflicts link). */
    public void showAttention() {
        if (tabs != null) {
            tabs.getSelectionModel().select(tabs.getTabs().get(1));
        }
    }

    /** Opens the 一括署名 window (the menu's 一括署名). */
    public void bulkSign() {
        if (loadedBundle != null && !closed) {
            openBulkSigning(loadedBundle);
        }
    }

    /** New, edit and sign: the editor and the signing dialog open in windows of their own. */
    private Node toolbar(ResourceBundle bundle) {
        javafx.scene.control.Button create = new javafx.scene.control.Button(bundle.getString("contracts.toolbar.new"));
        create.setId("newContractButton");
        create.setOnAction(e -> openEditor(null, bundle));
        javafx.scene.control.Button edit = new javafx.scene.control.Button(bundle.getString("contracts.action.EDIT"));
        edit.setId("editContractButton");
        edit.disableProperty().bind(detail.canEditProperty().not());
        edit.setOnAction(e -> openEditor(detail.contractProperty().get().id(), bundle));
        javafx.scene.control.Button sign = new javafx.scene.control.Button(bundle.getString("contracts.action.SIGN"));
        sign.setId("signContractButton");
        sign.disableProperty().bind(detail.canSignProperty().not());
        sign.setOnAction(e -> openSigning(detail.contractProperty().get().id(), bundle));
        javafx.scene.control.Button route = new javafx.scene.control.Button(bundle.getString("routing.button"));
        route.setId("setRouteButton");
        route.disableProperty().bind(detail.canSetRouteProperty().not());
        route.setOnAction(e -> openRoute(detail.contractProperty().get().id(), bundle));
        create.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2p-plus"));
        create.getStyleClass().add("primary");
        edit.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2p-pencil-outline"));
        sign.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2d-draw"));
        route.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2s-source-branch"));
        javafx.scene.control.Button bulk = new javafx.scene.control.Button(bundle.getString("bulk.button"));
        bulk.setId("bulkSignButton");
        bulk.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2d-draw"));
        bulk.setOnAction(e -> openBulkSigning(bundle));
        return new javafx.scene.control.ToolBar(create, edit, sign, route, bulk);
    }

    private void openRoute(String id, ResourceBundle bundle) {
        jp.sitesign.desktop.routing.PartyRouteViewModel vm = new jp.sitesign.desktop.routing.PartyRouteViewModel(
                session.store(), saved, clock, language, bundle);
        vm.load(id);
        dialogs.window(bundle.getString("routing.window"), new jp.sitesign.desktop.routing.PartyRouteView(vm).load(bundle),
                900, 700, false);
    }

    private void openEditor(String id, ResourceBundle bundle) {
        jp.sitesign.desktop.editor.ContractEditorViewModel vm = new jp.sitesign.desktop.editor.ContractEditorViewModel(
                session.store(), saved, language, bundle);
        if (id != null) {
            vm.load(id);
        }
        AtomicReference<Stage> editor = new AtomicReference<>();
        editor.set(dialogs.window(bundle.getString(id == null ? "editor.window.new" : "contracts.window.editor"),
                new jp.sitesign.desktop.editor.ContractEditorView(vm, dialogs.within(editor::get)).dates(dates)
                        .load(bundle), 900, 700, false));
    }

    private void openSigning(String id, ResourceBundle bundle) {
        jp.sitesign.desktop.signing.ContractSigning signing = session.signing();
        // The dialog draws its pages on a renderer of its own, so the detail's preview keeps its document.
        PageRenderer sealRenderer = new PageRenderer(jp.sitesign.desktop.preview.PdfBoxPageSource::open, 32L << 20);
        jp.sitesign.desktop.signing.seal.SealPlacementViewModel seal =
                new jp.sitesign.desktop.signing.seal.SealPlacementViewModel(sealRenderer, background,
                        Platform::runLater, bundle, new jp.sitesign.desktop.signing.seal.SealMemory(
                                session.store().location().folder().resolve("seal-placement.properties")),
                        session.store().user().value(), jp.sitesign.desktop.signing.seal.SealFonts.onThisComputer(),
                        session.store().companyName().orElse(null));
        seal.open(() -> signing.currentDocument(id));
        // The real 印影 (the engine's drawing of this user's seal) where the seal goes, not a coloured box.
        seal.showAppearance(placement -> {
            try {
                return jp.sitesign.desktop.signing.seal.SealPreview.draw(signing.appearance(placement), 3f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // The settings' default level (設定 → 署名レベルの既定値), what is signed, the last key source and file.
        jp.sitesign.desktop.signing.SigningViewModel vm = signingViewModel(signing, id, background, seal, bundle);
        SigningSubjects.of(session.store(), id, bundle).ifPresent(vm::subject);
        if (remembered != null) {
            vm.remember(remembered);
        }
        // Modal, owned by the main window: one signature at a time, on the contract the user chose to sign. It
        // fits a 1366×768 laptop (its content scrolls); Escape and 閉じる close it.
        Stage stage = signingWindow(bundle.getString("contracts.window.signing"),
                own -> new jp.sitesign.desktop.signing.SigningView(vm, own).load(bundle), 680);
        stage.setOnHidden(e -> {
            seal.close();
            sealRenderer.close();
            saved.run();
        });
    }

    /**
     * The key choices of a signing window ({@code contractId} null: several contracts), with the settings' default
     * level and date style.
     */
    private jp.sitesign.desktop.signing.SigningViewModel signingViewModel(
            jp.sitesign.desktop.signing.ContractSigning signing, String contractId, java.util.concurrent.Executor work,
            jp.sitesign.desktop.signing.seal.SealPlacementViewModel seal, ResourceBundle bundle) {
        // The user's own TSA is an override; without one the server's (the DEMO TSA in demo mode) is used.
        java.net.URI ownTsa = followed == null ? null : followed.tsaUrl();
        return new jp.sitesign.desktop.signing.SigningViewModel(signing, contractId, signingLibraries(),
                ownTsa != null ? ownTsa : session.serverTsaUrl(), session.serverOrigin(), System.getProperty("os.name"),
                work, Platform::runLater, clock, language, bundle, seal)
                .defaultLevel(followed == null ? null : followed.signatureLevel()).dates(dates);
    }

    /**
     * A signing window, modal and owned by the main window (one signing at a time), resizable, fitted to the screen
     * (its content scrolls on a 1366×768 laptop); {@code content} gets the window's own dialogs.
     */
    private Stage signingWindow(String title, java.util.function.Function<jp.sitesign.desktop.ui.DialogService, Parent> content,
            double height) {
        AtomicReference<Stage> window = new AtomicReference<>();
        Stage stage = dialogs.window(title, content.apply(dialogs.within(window::get)), 980, height, true);
        window.set(stage);
        stage.setResizable(true);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        return stage;
    }

    /**
     * 一括署名: the contracts waiting on the user's signature, signed with one key login on a thread of the window's
     * own (a long run must not hold up the list's reads), with the single dialog's key choices and memory.
     */
    private void openBulkSigning(ResourceBundle bundle) {
        ExecutorService run = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulk-signing");
            t.setDaemon(true);
            return t;
        });
        jp.sitesign.desktop.signing.ContractSigning signing = session.signing();
        jp.sitesign.desktop.signing.SigningViewModel keys = signingViewModel(signing, null, run, null, bundle);
        StoreSession store = session.store();
        jp.sitesign.desktop.signing.BulkSigningViewModel vm = new jp.sitesign.desktop.signing.BulkSigningViewModel(
                new jp.sitesign.desktop.signing.BulkSigning(signing), keys,
                new jp.sitesign.desktop.signing.seal.SealMemory(store.location().folder()
                        .resolve("seal-placement.properties")), store.user().value(),
                jp.sitesign.desktop.signing.seal.SealFonts.onThisComputer(), store.companyName().orElse(null), run,
                Platform::runLater, language, bundle).afterRun(saved);
        if (remembered != null) {
            vm.remember(remembered);
        }
        vm.load(() -> SigningSubjects.waitingToSign(store, bundle));
        Stage stage = signingWindow(bundle.getString("bulk.window"),
                own -> new jp.sitesign.desktop.signing.BulkSigningView(vm, own).load(bundle), 700);
        // Not closed in the middle of a run: 中止 stops it between contracts.
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> run.shutdown());
    }

    /**
     * The contract's PDF in a window of its own, larger than the detail's column (it fits a 1366×768 laptop and
     * keeps the size the user gave it), with the page strip, print and save.
     */
    private void openViewer() {
        java.nio.file.Path file = detail.mainDocumentProperty().get();
        jp.sitesign.model.sync.ContractSnapshot k = detail.contractProperty().get();
        if (file == null || k == null) {
            return;
        }
        ResourceBundle bundle = jp.sitesign.desktop.ui.I18n.bundle(language);
        // Its own renderer on a copy in memory: the detail's preview keeps its document, and the detail's
        // temporary file may go when another contract is selected.
        PageRenderer own = new PageRenderer(p -> jp.sitesign.desktop.preview.PdfBoxPageSource.open(
                java.nio.file.Files.readAllBytes(p)), 64L << 20);
        PreviewViewModel vm = new PreviewViewModel(own, Platform::runLater, bundle);
        double[] size = remembered == null ? null : remembered.viewerSize().orElse(null);
        Stage stage = dialogs.window(jp.sitesign.desktop.ui.I18n.format(bundle, "contracts.reading.windowTitle",
                k.title() == null ? "" : k.title()), new PreviewView(vm).contractTools(
                        ReadingTools.of(reading, null, bundle)).load(bundle),
                size == null ? 1000 : Math.min(size[0], 1360), size == null ? 680 : Math.min(size[1], 720), false);
        stage.setMinWidth(480);
        stage.setMinHeight(360);
        vm.open(file);
        stage.setOnHidden(e -> {
            if (remembered != null) {
                remembered.viewerSize(stage.getWidth(), stage.getHeight());
            }
            own.close();
        });
    }

    /** The settings' libraries: the dialog offers the installed ones among them, and no others. */
    private java.util.List<java.nio.file.Path> signingLibraries() {
        return followed == null ? jp.sitesign.desktop.settings.Settings.defaultTokenLibraries()
                : java.util.List.copyOf(followed.tokenLibraries());
    }

    /** Stops the background thread and deletes the preview's temporary file (logout). */
    public void close() {
        // The engine's listener stays registered, and its last state change (the session ending) arrives after this.
        closed = true;
        list.keepFilters();
        detail.close();
        background.shutdown();
    }
}
