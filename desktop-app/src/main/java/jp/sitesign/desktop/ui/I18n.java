package jp.sitesign.desktop.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The window's texts: {@code jp/sitesign/desktop/i18n/messages.properties} is Japanese (the default),
 * {@code messages_en.properties} English. Loaded without falling back to the JVM's default locale, which
 * would otherwise turn a Japanese choice into English on an English-language OS.
 */
public final class I18n {
    static final String BASE_NAME = "jp.sitesign.desktop.i18n.messages";

    private I18n() {
    }

    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BASE_NAME, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The bundle's text for {@code key} with {@code {0}}-style arguments filled in. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }
}
