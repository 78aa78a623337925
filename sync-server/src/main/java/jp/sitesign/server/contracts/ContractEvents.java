package jp.sitesign.server.contracts;

import java.sql.Connection;
import java.sql.SQLException;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.LifecycleCommand;

/**
 * Told of every workflow step inside the transaction that makes it, so that what follows from it (webhook
 * deliveries) is written atomically with the change and survives a crash right after the commit.
 */
@FunctionalInterface
public interface ContractEvents {
    ContractEvents NONE = (c, id, command, before, after) -> { };

    void stepped(Connection c, String contractId, LifecycleCommand command, ContractProgress before,
            ContractProgress after) throws SQLException;
}
