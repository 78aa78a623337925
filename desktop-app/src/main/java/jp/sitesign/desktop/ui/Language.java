package jp.sitesign.desktop.ui;

import java.util.Locale;

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
}
