package jp.sitesign.model.sync;

import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.user.UserView;

/**
 * One entry of the change feed: the entity's current state as the caller may see it, or a tombstone
 * ({@code removed}) when it was deleted or is no longer visible to the caller, who then drops it. Exactly
 * one of the four bodies is set unless it is a tombstone.
 *
 * @param seq the change's position in the server's one increasing sequence
 */
public record Change(EntityType type, String id, long seq, boolean removed, ContractSnapshot contract,
        UserView user, Partnership partnership, NoticeView notice) {

    public static Change removed(EntityType type, String id, long seq) {
        return new Change(type, id, seq, true, null, null, null, null);
    }

    public static Change of(ContractSnapshot k, long seq) {
        return new Change(EntityType.CONTRACT, k.id(), seq, false, k, null, null, null);
    }

    public static Change of(UserView u, long seq) {
        return new Change(EntityType.USER, u.id(), seq, false, null, u, null, null);
    }

    public static Change of(Partnership p, long seq) {
        return new Change(EntityType.PARTNERSHIP, Long.toString(p.id()), seq, false, null, null, p, null);
    }

    public static Change of(NoticeView n, long seq) {
        return new Change(EntityType.NOTICE, Long.toString(n.id()), seq, false, null, null, null, n);
    }
}
