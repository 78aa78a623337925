package jp.sitesign.server.metrics;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link MetricsMessage} says the same thing in both languages: both texts, with as many arguments. */
class MetricsMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(MetricsMessage.values());
    }
}
