package jp.sitesign.desktop.contracts;

import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PreviewView;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.store.StoreSession;

/**
 * The contracts section of the main window: the list beside the selected contract's detail (with the
 * PDF preview), and a tab of what needs the user's attention. One background thread does the store's
 * reads and writes for these screens, so the UI thread never waits for the database or the network.
 */
public final class ContractsSection {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contracts-ui-io");
        t.setDaemon(true);
        return t;
    });
    private final ContractListViewModel list;
    private final ContractDetailViewModel detail;
    private final ConflictsViewModel conflicts;
    private final PreviewViewModel preview;
    private volatile Object lastSyncMark;

    public ContractsSection(DesktopSession session, PageRenderer renderer, Clock clock, ResourceBundle bundle) {
        StoreSession store = session.store();
        Runnable saved = () -> {
            session.commandSaved();
            Platform.runLater(this::refresh);
        };
        list = new ContractListViewModel(store, new FilterFile(store.location().folder()), session::download,
                background, Platform::runLater, bundle);
        detail = new ContractDetailViewModel(store, session.engine()::fetch, saved, clock, background,
                Platform::runLater, bundle);
        conflicts = new ConflictsViewModel(store, saved, background, Platform::runLater, bundle);
        preview = new PreviewViewModel(renderer, Platform::runLater, bundle);
        // A finished sync (a new last-sync time or other counts) may have changed any contract shown.
        session.engine().addListener(state -> {
            Object mark = java.util.List.of(String.valueOf(state.lastSync()), state.pendingCommands(),
                    state.needingAttention());
            if (!mark.equals(lastSyncMark)) {
                lastSyncMark = mark;
                Platform.runLater(this::refresh);
            }
        });
    }

    /** Shows what the store holds now (after a sync or a local command). */
    public void refresh() {
        list.search();
        conflicts.refresh();
        if (detail.contractProperty().get() != null) {
            detail.load(detail.contractProperty().get().id());
        }
    }

    public Node load(ResourceBundle bundle) {
        ContractListView listView = new ContractListView(list);
        Parent listRoot = listView.load(bundle);
        Parent detailRoot = new ContractDetailView(detail, new PreviewView(preview).load(bundle)).load(bundle);
        listView.table().getSelectionModel().selectedItemProperty()
                .addListener((obs, old, row) -> {
                    if (row != null) {
                        detail.load(row.id());
                    }
                });
        detail.mainDocumentProperty().addListener((obs, old, file) -> {
            if (file != null) {
                preview.open(file);
            }
        });
        SplitPane split = new SplitPane(listRoot, detailRoot);
        split.setDividerPositions(0.6);
        Tab listTab = new Tab(bundle.getString("contracts.tab.list"), split);
        Tab attentionTab = new Tab(bundle.getString("contracts.tab.attention"),
                new ConflictsView(conflicts).load(bundle));
        attentionTab.setOnSelectionChanged(e -> {
            if (attentionTab.isSelected()) {
                conflicts.refresh();
            }
        });
        TabPane tabs = new TabPane(listTab, attentionTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detail.load(null);
        conflicts.refresh();
        return tabs;
    }

    /** Stops the background thread and deletes the preview's temporary file (logout). */
    public void close() {
        detail.close();
        background.shutdown();
    }
}
