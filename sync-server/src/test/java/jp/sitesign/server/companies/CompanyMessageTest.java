package jp.sitesign.server.companies;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link CompanyMessage} says the same thing in both languages: both texts, with as many arguments. */
class CompanyMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(CompanyMessage.values());
    }
}
