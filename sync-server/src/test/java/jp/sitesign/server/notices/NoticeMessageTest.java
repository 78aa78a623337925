package jp.sitesign.server.notices;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link NoticeMessage} says the same thing in both languages: both texts, with as many arguments. */
class NoticeMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(NoticeMessage.values());
    }
}
