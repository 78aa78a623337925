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
            assertThat(m.texts().ja()).as(m + " in Japanese").isNotBlank();
            assertThat(m.texts().en()).as(m + " in English").isNotBlank();
            PLACEHOLDER.matcher(m.texts().ja()).results()
                    .forEach(p -> assertThat(m.texts().en()).as(m + " " + p.group()).contains(p.group()));
        }
    }
}
