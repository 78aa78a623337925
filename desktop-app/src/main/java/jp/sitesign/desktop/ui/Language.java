package jp.sitesign.desktop.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/** The languages the window speaks. Japanese is the default; the English texts are complete too. */
public enum Language {
    JA(Locale.JAPANESE, "日本語"),
    EN(Locale.ENGLISH, "English");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, so a user can find their own language in any UI language. */
    public String nativeName() {
        return nativeName;
    }

    /** The language for a stored code ({@code ja}, {@code en}); Japanese for anything unknown. */
    public static Language fromCode(String code) {
        for (Language l : values()) {
            if (l.locale.getLanguage().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return l;
            }
        }
        return JA;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** The language of a window's texts: English for the English bundle, Japanese otherwise. */
    public static Language of(ResourceBundle bundle) {
        return EN.code().equals(bundle.getLocale().getLanguage()) ? EN : JA;
    }

    /**
     * Of a text catalogued in both languages (an error, a policy's reason, an enum's label), the one in this
     * language: the one place where a screen's language chooses between them.
     */
    public String pick(String ja, String en) {
        return this == EN ? en : ja;
    }
}
