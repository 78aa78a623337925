package jp.sitesign.server.users;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link UserMessage} says the same thing in both languages: both texts, with as many arguments. */
class UserMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(UserMessage.values());
    }
}
