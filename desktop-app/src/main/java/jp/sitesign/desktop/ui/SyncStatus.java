package jp.sitesign.desktop.ui;

import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the status bar shows about synchronisation. The sync engine implements or feeds it; the window
 * only observes. Properties change on the JavaFX application thread only (an engine working elsewhere
 * hands its updates over with {@code Platform.runLater}), so views can bind to them directly.
 */
public interface SyncStatus {
    /** True while the server answers. */
    ReadOnlyBooleanProperty onlineProperty();

    /** Commands in the outbox not yet accepted by the server. */
    ReadOnlyIntegerProperty pendingCommandsProperty();

    /** When the last sync with the server finished; null if never on this computer. */
    ReadOnlyObjectProperty<Instant> lastSyncProperty();

    /** Local changes the server refused because someone else changed the same item first. */
    ReadOnlyIntegerProperty conflictsProperty();

    /** True while a sync with the server is running (the status bar shows 同期中…). */
    ReadOnlyBooleanProperty syncingProperty();

    /**
     * How the last sync that is worth telling the user about ended: one that sent or received changes, or a
     * failure different from the one before (a sync that keeps failing the same way is told once); null before.
     */
    ReadOnlyObjectProperty<SyncOutcome> lastOutcomeProperty();

    /**
     * A finished sync: how many of the user's changes the server took, how many changes came back, or why it
     * failed (then errorJa/errorEn are set).
     */
    record SyncOutcome(Instant at, int sent, int received, String errorJa, String errorEn) {
        public boolean failed() {
            return errorJa != null || errorEn != null;
        }
    }
}
