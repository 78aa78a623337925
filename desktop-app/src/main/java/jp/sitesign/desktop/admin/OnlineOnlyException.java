package jp.sitesign.desktop.admin;

import jp.sitesign.desktop.messages.DesktopMessage;

/** An admin call was asked for while the session has no server session (offline, or logged out). */
public final class OnlineOnlyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnlineOnlyException() {
        super(DesktopMessage.ONLINE_ONLY.bilingual());
    }
}
