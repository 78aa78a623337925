package jp.sitesign.server.audit;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link AuditMessage} says the same thing in both languages: both texts, with as many arguments. */
class AuditMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(AuditMessage.values());
    }
}
