package jp.sitesign.desktop.ui;

import java.util.Optional;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.core.SigningException;

/**
 * The text of a failure in the window's language, for the failures that carry catalogued Japanese and English
 * texts (the server's and the store's {@link SiteSignException}, the engine's {@link SigningException}). With
 * {@link Language#pick} this is where a screen's language chooses between the two; screens do not test the
 * locale themselves.
 */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(SiteSignException e, Language language) {
        return language.pick(e.messageJa(), e.messageEn());
    }

    /** The catalogued text of {@code e} in {@code language}; empty for a failure without one. */
    public static Optional<String> known(Throwable e, Language language) {
        if (e instanceof SiteSignException s) {
            return Optional.of(of(s, language));
        }
        if (e instanceof SigningException s) {
            return Optional.of(language.pick(s.messageJa(), s.messageEn()));
        }
        return Optional.empty();
    }
}
