package jp.sitesign.server.keys;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link KeyMessage} says the same thing in both languages: both texts, with as many arguments. */
class KeyMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(KeyMessage.values());
    }
}
