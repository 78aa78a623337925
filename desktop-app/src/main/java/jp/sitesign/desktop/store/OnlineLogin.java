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

    /** What the app tells the user after {@link Kind#REPLACED}. */
    public static final String REPLACED_JA = "パスワードが別の場所で変更されたため、このパソコンのデータを新しく作り直します。"
            + "以前のデータに未送信の操作が残っている可能性があります。以前のパスワードを入力すると、その操作を復元できます。";
    public static final String REPLACED_EN = "Your password was changed elsewhere, so the data on this computer is being"
            + " rebuilt. The previous data may hold operations not yet sent; enter your previous password to recover them.";
}
