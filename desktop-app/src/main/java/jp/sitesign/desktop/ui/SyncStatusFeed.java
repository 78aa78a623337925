package jp.sitesign.desktop.ui;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import jp.sitesign.desktop.sync.SyncEngine;
import jp.sitesign.desktop.sync.SyncState;

/**
 * Feeds the status bar from the sync engine: every state the engine publishes (on its own thread) is handed
 * to the JavaFX thread and copied into a {@link SyncStatusHolder}; when a sync has finished (the last-sync
 * time moved) {@code onSyncFinished} runs there too, so screens can re-read the local store.
 */
public final class SyncStatusFeed {
    private final SyncStatusHolder status = new SyncStatusHolder();
    private final Executor ui;
    private final Runnable onSyncFinished;
    private volatile boolean active = true;
    private Instant lastSeenSync;
    /** The last failure told (Japanese text), so the same failure again is not told again; null after a success. */
    private String lastToldError;

    private SyncStatusFeed(Executor ui, Runnable onSyncFinished) {
        this.ui = ui;
        this.onSyncFinished = onSyncFinished;
    }

    /** Starts following {@code engine}; {@code ui} runs on the JavaFX thread (Platform::runLater). */
    public static SyncStatusFeed follow(SyncEngine engine, Executor ui, Runnable onSyncFinished) {
        SyncStatusFeed feed = new SyncStatusFeed(ui, onSyncFinished);
        engine.addListener(feed::published);
        engine.addReportListener(feed::reported);
        return feed;
    }

    private void published(SyncState state) {
        if (active) {
            ui.execute(() -> apply(state));
        }
    }

    private void reported(SyncEngine.Report report) {
        if (active && (report.applied() > 0 || report.changes() > 0)) {
            ui.execute(() -> {
                if (active) {
                    status.setLastOutcome(new SyncStatus.SyncOutcome(Instant.now(), report.applied(),
                            report.changes(), null, null));
                }
            });
        }
    }

    private void apply(SyncState state) {
        if (!active) {
            return;
        }
        status.setSyncing(state.syncing());
        if (!state.syncing()) {
            if (state.lastErrorJa() == null && state.lastErrorEn() == null) {
                lastToldError = null;
            } else if (!Objects.equals(state.lastErrorJa(), lastToldError)) {
                lastToldError = state.lastErrorJa();
                status.setLastOutcome(new SyncStatus.SyncOutcome(Instant.now(), 0, 0, state.lastErrorJa(),
                        state.lastErrorEn()));
            }
        }
        status.setOnline(state.online());
        status.setPendingCommands(state.pendingCommands());
        status.setConflicts(state.needingAttention());
        status.setLastSync(state.lastSync());
        if (state.lastSync() != null && !Objects.equals(state.lastSync(), lastSeenSync)) {
            lastSeenSync = state.lastSync();
            onSyncFinished.run();
        }
    }

    public SyncStatus status() {
        return status;
    }

    /** Stops passing on states (at logout: the screens that listened are gone). */
    public void stop() {
        active = false;
    }
}
