package jp.sitesign.server.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every {@link NoticeMessage} says the same thing in both languages: both texts, with as many arguments. */
class NoticeMessageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        for (NoticeMessage m : NoticeMessage.values()) {
            assertThat(m.messageJa()).as(m + " in Japanese").isNotBlank();
            assertThat(m.messageEn()).as(m + " in English").isNotBlank();
            assertThat(placeholders(m.messageJa())).as(m + " placeholders").isEqualTo(placeholders(m.messageEn()));
        }
    }

    private static long placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().count();
    }
}
