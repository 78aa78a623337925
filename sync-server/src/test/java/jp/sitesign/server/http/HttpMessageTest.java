package jp.sitesign.server.http;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link HttpMessage} says the same thing in both languages: both texts, with as many arguments. */
class HttpMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(HttpMessage.values());
    }
}
