package jp.sitesign.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every {@link BackupMessage} says the same thing in both languages: both texts, with as many arguments. */
class BackupMessageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        for (BackupMessage m : BackupMessage.values()) {
            assertThat(m.messageJa()).as(m + " in Japanese").isNotBlank();
            assertThat(m.messageEn()).as(m + " in English").isNotBlank();
            assertThat(placeholders(m.messageJa())).as(m + " placeholders").isEqualTo(placeholders(m.messageEn()));
        }
    }

    private static long placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().count();
    }
}
