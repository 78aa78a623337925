package jp.sitesign.model.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every common-model message catalogue ({@code DocumentMessage}, {@code ContractMessage} …) passes:
 * both texts read as something once the placeholders are filled, and they take the same number of arguments,
 * so a placeholder added to one language only (or a stray {@code %}) fails here rather than in front of a user.
 */
public final class CatalogueAssertions {
    private static final Object[] ARGS = {"‹1›", "‹2›", "‹3›", "‹4›", "‹5›", "‹6›"};
    private static final Pattern ARG = Pattern.compile("‹\\d›");

    private CatalogueAssertions() {
    }

    /** Asserts each message's texts, filled with markers, are non-blank in both languages with as many arguments. */
    public static void assertEveryMessageReads(CataloguedMessage... messages) {
        assertThat(messages).isNotEmpty();
        for (CataloguedMessage m : messages) {
            String japanese = m.ja(ARGS);
            String english = m.en(ARGS);
            assertThat(ARG.matcher(japanese).replaceAll("")).as(m.name() + " ja").isNotBlank();
            assertThat(ARG.matcher(english).replaceAll("")).as(m.name() + " en").isNotBlank();
            assertThat(arguments(english)).as(m.name() + ": placeholders in English as in Japanese")
                    .isEqualTo(arguments(japanese));
        }
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
