package jp.sitesign.server.storage;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link StorageMessage} says the same thing in both languages: both texts, with as many arguments. */
class StorageMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(StorageMessage.values());
    }
}
