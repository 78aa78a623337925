package jp.sitesign.desktop.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jp.sitesign.desktop.admin.OnlineOnlyException;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.model.user.UserView;

/**
 * The logged-in user's own account on the server ({@code /api/v1/me}): read it, and change the name, kana and
 * email (the policy's EDIT_OWN_PROFILE, open to every role). Online only: without a server session (logged in
 * offline) a call throws {@link OnlineOnlyException} before touching the network.
 */
public final class ProfileClient {
    private final ServerApi api;
    private final Supplier<String> token;

    public ProfileClient(ServerApi api, Supplier<String> token) {
        this.api = api;
        this.token = token;
    }

    /** The calls of a logged-in session, with whatever token its sync engine holds now. */
    public static ProfileClient of(DesktopSession session) {
        return new ProfileClient(session.api(), () -> session.engine().token());
    }

    public UserView me() {
        return api.convert(api.call("GET", "/api/v1/me", requireToken(), null), UserView.class);
    }

    /** Saves the own name, kana and email, edited from {@code revision}; answers the account as saved. */
    public UserView update(long revision, String name, String nameKana, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", revision);
        body.put("name", name);
        body.put("nameKana", nameKana);
        body.put("email", email);
        return api.convert(api.call("PUT", "/api/v1/me", requireToken(), body), UserView.class);
    }

    private String requireToken() {
        String t = token.get();
        if (t == null) {
            throw new OnlineOnlyException();
        }
        return t;
    }
}
