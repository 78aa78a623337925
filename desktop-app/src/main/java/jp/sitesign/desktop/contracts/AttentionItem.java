package jp.sitesign.desktop.contracts;

import java.util.List;
import jp.sitesign.desktop.store.OutboxEntry;

/**
 * One outbox command the user must look at.
 *
 * @param kind        what happened to it
 * @param explanation the server's reason (REJECTED), or what to do (CONFLICT, SIGN_AGAIN)
 * @param comparison  for a CONFLICT: rows of field name, the user's value, the value now on the server
 * @param canKeepMine whether "keep mine" can re-queue the user's draft on the current revision
 */
public record AttentionItem(OutboxEntry entry, Kind kind, String heading, String explanation,
        List<String[]> comparison, boolean canKeepMine) {

    public enum Kind { REJECTED, CONFLICT, SIGN_AGAIN }
}
