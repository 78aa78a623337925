package jp.sitesign.server.auth;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link AuthMessage} says the same thing in both languages: both texts, with as many arguments. */
class AuthMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(AuthMessage.values());
    }
}
