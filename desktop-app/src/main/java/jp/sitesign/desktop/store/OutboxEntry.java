package jp.sitesign.desktop.store;

import java.time.Instant;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;

/**
 * One command in the outbox.
 *
 * @param seq      its place in the order the user gave commands (push in this order)
 * @param result   the server's answer (the reason of a REJECTED one, the current state of a CONFLICT), or
 *                 null while PENDING
 * @param queuedAt when the user gave it
 */
public record OutboxEntry(long seq, Command command, OutboxState state, CommandResult result, Instant queuedAt) {
}
