package jp.sitesign.desktop.app;

import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.client.ClientVersions;

/**
 * The sentence an older app shows after logging in, in the app's language: too old for the server (update now), or
 * a newer version exists (update when convenient); with the server's download address, or "ask your administrator"
 * without one. A notice only: the app keeps working (ADR 20). The judgement is {@link ClientVersions#judge}.
 */
public final class UpdateNotice {
    private UpdateNotice() {
    }

    /** The notice for this app against the server's versions; empty when the app is current or its version unknown. */
    public static Optional<String> text(ResourceBundle bundle, Optional<String> appVersion, ClientVersions server) {
        if (appVersion.isEmpty()) {
            return Optional.empty();
        }
        String how = server.downloadUrl().isEmpty() ? bundle.getString("update.askAdmin")
                : I18n.format(bundle, "update.download", server.downloadUrl());
        return switch (server.judge(appVersion.get())) {
            case TOO_OLD -> Optional.of(I18n.format(bundle, "update.tooOld", appVersion.get(), server.minimum(), how));
            case UPDATE_AVAILABLE -> Optional.of(I18n.format(bundle, "update.available", appVersion.get(),
                    server.latest(), how));
            case CURRENT -> Optional.empty();
        };
    }
}
