package jp.sitesign.desktop.sync;

import java.net.URI;
import jp.sitesign.desktop.messages.DesktopMessage;

/** The server could not be reached (or the connection broke): the app keeps working locally and retries. */
public final class OfflineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OfflineException(URI server, Exception cause) {
        super(DesktopMessage.SERVER_UNREACHABLE.bilingual(server, cause.getMessage()), cause);
    }
}
