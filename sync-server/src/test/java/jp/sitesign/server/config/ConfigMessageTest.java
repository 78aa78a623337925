package jp.sitesign.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ConfigMessage} has both texts, and every argument the Japanese names the English names too (the
 * English may add a detail, such as the folder's path, as a further argument).
 */
class ConfigMessageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

    @Test
    void everyMessageHasBothTextsAndTheEnglishNamesEveryJapaneseArgument() {
        for (ConfigMessage m : ConfigMessage.values()) {
            assertThat(m.messageJa()).as(m + " in Japanese").isNotBlank();
            assertThat(m.messageEn()).as(m + " in English").isNotBlank();
            PLACEHOLDER.matcher(m.messageJa()).results()
                    .forEach(p -> assertThat(m.messageEn()).as(m + " " + p.group()).contains(p.group()));
        }
    }
}
