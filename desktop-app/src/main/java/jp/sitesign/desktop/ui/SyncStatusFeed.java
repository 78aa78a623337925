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

    private SyncStatusFeed(Executor ui, Runnable onSyncFinished) {
        this.ui = ui;
        this.onSyncFinished = onSyncFinished;
    }

    /** Starts following {@code engine}; {@code ui} runs on the JavaFX thread (Platform::runLater). */
    public static SyncStatusFeed follow(SyncEngine engine, Executor ui, Runnable onSyncFinished) {
        SyncStatusFeed feed = new SyncStatusFeed(ui, onSyncFinished);
        engine.addListener(feed::published);
        return feed;
    }

    private void published(SyncState state) {
        if (active) {
            ui.execute(() -> apply(state));
        }
    }

    private void apply(SyncState state) {
        if (!active) {
            return;
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
