package jp.sitesign.desktop.main;

import java.util.ResourceBundle;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.user.UserView;

/**
 * The header's sentence about who is logged in: the person and the company (「高橋 美咲（サイトサイン建設株式会社）」),
 * as the local store knows them. Before the first sync has brought the user's own record, the login id stands in
 * for the name until the next refresh.
 */
public final class SessionHeader {
    private SessionHeader() {
    }

    /** Who is logged in, with {@code how} (e.g. 「オフラインでログインしました」) after it; {@code how} may be null. */
    public static String of(ResourceBundle bundle, StoreSession store, String how) {
        String id = store.user().value();
        String name = store.user(id).map(UserView::name).filter(n -> !n.isBlank()).orElse(id);
        String company = store.companyName().orElse(null);
        String who = company == null ? name : I18n.format(bundle, "header.session.person", name, company);
        return how == null || how.isBlank() ? who : I18n.format(bundle, "header.session.withState", who, how);
    }
}
