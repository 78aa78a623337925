package jp.sitesign.server.backup;

import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link BackupMessage} says the same thing in both languages: both texts, with as many arguments. */
class BackupMessageTest {

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(BackupMessage.values());
    }
}
