package jp.sitesign.desktop.sync;

import java.time.Instant;

/**
 * What the status bar shows about sync, as one immutable value the engine publishes after every change.
 *
 * @param online           the last contact with the server worked
 * @param syncing          a sync is running now
 * @param loginRequired    the server refused the session: sync waits until the user logs in again
 * @param pendingCommands  commands saved locally and not yet answered by the server
 * @param needingAttention rejected or conflicting commands the user has not dismissed
 * @param lastSync         when the last complete sync ended, or null
 * @param lastErrorJa      why the last attempt failed (Japanese), or null
 * @param lastErrorEn      the same in English
 * @param transferDone     bytes moved of the current PDF transfer (0 when none)
 * @param transferTotal    its size (0 when none or unknown)
 */
public record SyncState(boolean online, boolean syncing, boolean loginRequired, int pendingCommands,
        int needingAttention, Instant lastSync, String lastErrorJa, String lastErrorEn, long transferDone,
        long transferTotal) {

    public static final SyncState INITIAL = new SyncState(false, false, false, 0, 0, null, null, null, 0, 0);

    SyncState with(boolean newOnline, boolean newSyncing) {
        return new SyncState(newOnline, newSyncing, loginRequired, pendingCommands, needingAttention, lastSync,
                lastErrorJa, lastErrorEn, transferDone, transferTotal);
    }

    SyncState counts(int pending, int attention) {
        return new SyncState(online, syncing, loginRequired, pending, attention, lastSync, lastErrorJa, lastErrorEn,
                transferDone, transferTotal);
    }

    SyncState transfer(long done, long total) {
        return new SyncState(online, syncing, loginRequired, pendingCommands, needingAttention, lastSync,
                lastErrorJa, lastErrorEn, done, total);
    }

    SyncState succeeded(Instant at) {
        return new SyncState(true, false, false, pendingCommands, needingAttention, at, null, null, 0, 0);
    }

    SyncState failed(boolean reachable, boolean needsLogin, String ja, String en) {
        return new SyncState(reachable, false, needsLogin, pendingCommands, needingAttention, lastSync, ja, en, 0, 0);
    }
}
