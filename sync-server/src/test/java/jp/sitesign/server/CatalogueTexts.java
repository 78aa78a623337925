package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every server message catalogue ({@code ContractMessage}, {@code SyncMessage} …) passes: both texts
 * read as something once the placeholders are filled, and they take the same number of arguments, so a
 * placeholder added to one language only (or a stray {@code %}) fails here rather than in front of a user.
 */
public final class CatalogueTexts {
    private static final Object[] ARGS = {"‹1›", "‹2›", "‹3›", "‹4›", "‹5›", "‹6›"};
    private static final Pattern ARG = Pattern.compile("‹\\d›");

    private CatalogueTexts() {
    }

    /** Asserts {@code name}'s Japanese and English texts, filled with markers, are non-blank with as many arguments. */
    public static void assertBothLanguages(Object name, Function<Object[], String> ja, Function<Object[], String> en) {
        String japanese = ja.apply(ARGS);
        String english = en.apply(ARGS);
        assertThat(ARG.matcher(japanese).replaceAll("")).as(name + " ja").isNotBlank();
        assertThat(ARG.matcher(english).replaceAll("")).as(name + " en").isNotBlank();
        assertThat(arguments(english)).as(name + ": placeholders in English as in Japanese")
                .isEqualTo(arguments(japanese));
    }

    private static long arguments(String text) {
        Matcher m = ARG.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
