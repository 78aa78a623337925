package jp.sitesign.desktop.ui;

import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A {@link SyncStatus} whose values are set by whoever knows them (the sync engine, or a test). Starts
 * offline, with nothing pending and no sync yet. Setters must be called on the JavaFX application thread.
 */
public final class SyncStatusHolder implements SyncStatus {
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", false);
    private final ReadOnlyIntegerWrapper pendingCommands = new ReadOnlyIntegerWrapper(this, "pendingCommands", 0);
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>(this, "lastSync", null);
    private final ReadOnlyIntegerWrapper conflicts = new ReadOnlyIntegerWrapper(this, "conflicts", 0);
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing", false);
    private final ReadOnlyObjectWrapper<SyncOutcome> lastOutcome = new ReadOnlyObjectWrapper<>(this, "lastOutcome");

    public void setSyncing(boolean value) {
        syncing.set(value);
    }

    public void setLastOutcome(SyncOutcome value) {
        lastOutcome.set(value);
    }

    @Override
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<SyncOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    public void setOnline(boolean value) {
        online.set(value);
    }

    public void setPendingCommands(int value) {
        pendingCommands.set(value);
    }

    public void setLastSync(Instant value) {
        lastSync.set(value);
    }

    public void setConflicts(int value) {
        conflicts.set(value);
    }

    @Override
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyIntegerProperty pendingCommandsProperty() {
        return pendingCommands.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyIntegerProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }
}
