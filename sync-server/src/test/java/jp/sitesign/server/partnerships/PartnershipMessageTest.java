package jp.sitesign.server.partnerships;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link PartnershipMessage} says the same thing in both languages: both texts, with as many arguments. */
class PartnershipMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(PartnershipMessage.values());
    }
}
