package jp.sitesign.desktop.store;

import java.sql.SQLException;

/** The local database failed (disk full, file damaged): not something the user's input can cause. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("local store: " + cause.getMessage(), cause);
    }
}
