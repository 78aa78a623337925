package jp.sitesign.desktop.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The local store after an online login.
 *
 * @param setAside when {@link Kind#REPLACED}: the folders the unreadable earlier store was moved to
 */
public record OnlineLogin(StoreSession session, Kind kind, List<Path> setAside) {
    public OnlineLogin {
        setAside = List.copyOf(setAside);
    }

    /** What happened to the store on this login. */
    public enum Kind {
        /** First login of this user with this server on this computer: an empty store; sync everything. */
        CREATED,
        /** The password opened the existing store. */
        OPENED,
        /**
         * The password, accepted by the server, does not open the store: it was changed elsewhere. The old
         * store was set aside (not deleted) and a new empty one made; a full sync fills it. Commands the old
         * outbox still held are recovered with {@link StoreSession#adoptSetAside} and the old password.
         */
        REPLACED
    }
}
