package jp.sitesign.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@link OperatorMessage} says the same thing in both languages: both texts present, a refusal with as many
 * arguments in each; a printed line's details appear once, in its English half, so its Japanese heading takes none.
 */
class OperatorMessageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        for (OperatorMessage m : OperatorMessage.values()) {
            assertThat(m.messageJa()).as(m + " in Japanese").isNotBlank();
            assertThat(m.messageEn()).as(m + " in English").isNotBlank();
            if (m.printed() && m != OperatorMessage.ANCHOR_CHECK_FAILED) {
                assertThat(placeholders(m.messageJa())).as(m + " Japanese heading").isZero();
                continue;
            }
            assertThat(placeholders(m.messageJa())).as(m + " placeholders").isEqualTo(placeholders(m.messageEn()));
        }
    }

    private static long placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().count();
    }
}
