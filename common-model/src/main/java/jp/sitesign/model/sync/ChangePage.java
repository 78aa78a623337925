package jp.sitesign.model.sync;

import java.util.List;

/**
 * A page of the change feed, in sequence order.
 *
 * @param checkpoint the position to ask from next; store it in the same local transaction that applies
 *                   {@code changes}, never before
 * @param more       whether more changes follow right away
 * @param reset      the feed restarted from the beginning (the caller's checkpoint was older than the
 *                   oldest tombstone still kept): the client drops every entity it holds, keeping its
 *                   outbox and blobs, before applying this page
 */
public record ChangePage(List<Change> changes, long checkpoint, boolean more, boolean reset) {
    public ChangePage {
        changes = List.copyOf(changes);
    }
}
