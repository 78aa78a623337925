package jp.sitesign.desktop.store;

import java.util.List;
import jp.sitesign.model.sync.ContractSnapshot;

/**
 * A contract as the app shows it.
 *
 * @param current what to show: the server's snapshot with the user's pending draft work laid over it
 * @param server  the server's snapshot as of the last sync, or null for a draft not yet pushed
 * @param pending the outbox commands on this contract, oldest first (any state), for "未送信" badges and
 *                for showing a rejected or conflicting command next to the contract
 */
public record LocalContract(ContractSnapshot current, ContractSnapshot server, List<OutboxEntry> pending) {
    public LocalContract {
        pending = List.copyOf(pending);
    }

    /** A draft created on this computer that the server has not confirmed yet. */
    public boolean localOnly() {
        return server == null;
    }

    /** Whether what is shown differs from the server's snapshot because of the user's unsynced work. */
    public boolean locallyChanged() {
        return server == null || !server.equals(current);
    }
}
