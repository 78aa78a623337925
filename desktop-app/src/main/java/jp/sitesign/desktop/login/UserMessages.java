package jp.sitesign.desktop.login;

import java.util.ResourceBundle;
import jp.sitesign.model.error.SiteSignException;

/** The text of an error in the window's language: English for the English bundle, Japanese otherwise. */
public final class UserMessages {
    private UserMessages() {
    }

    public static boolean english(ResourceBundle bundle) {
        return "en".equals(bundle.getLocale().getLanguage());
    }

    public static String of(SiteSignException e, ResourceBundle bundle) {
        return english(bundle) ? e.messageEn() : e.messageJa();
    }
}
