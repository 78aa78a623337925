package jp.sitesign.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/**
 * Every {@link OperatorMessage} says the same thing in both languages: a refusal with as many arguments in each;
 * a printed line's details appear once, in its English half, so its Japanese heading takes none.
 */
class OperatorMessageTest {

    @Test
    void everyRefusalHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(Arrays.stream(OperatorMessage.values())
                .filter(m -> !m.printed() || m == OperatorMessage.ANCHOR_CHECK_FAILED)
                .toArray(CataloguedMessage[]::new));
    }

    @Test
    void aPrintedLineIsAJapaneseHeadingThenTheEnglishWithItsDetails() {
        for (OperatorMessage m : OperatorMessage.values()) {
            if (m.printed() && m != OperatorMessage.ANCHOR_CHECK_FAILED) {
                assertThat(m.texts().ja()).as(m + " Japanese heading").isNotBlank().doesNotContain("%");
                assertThat(m.texts().en()).as(m + " English").isNotBlank();
            }
        }
        assertThat(OperatorMessage.NO_BACKUPS.line("/b")).isEqualTo("バックアップはありません / No backups in /b");
    }
}
