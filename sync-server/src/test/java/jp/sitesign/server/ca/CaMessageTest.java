package jp.sitesign.server.ca;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link CaMessage} says the same thing in both languages: both texts, with as many arguments. */
class CaMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(CaMessage.values());
    }
}
