package jp.sitesign.model.integration;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class AllowedAddressMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(AllowedAddressMessage.values());
    }

    @Test
    void eachLanguagePutsTheFieldAndTheNumberWhereItsSentenceNeedsThem() {
        SiteSignException e = AllowedAddressMessage.ADDRESS_COUNT.exception("allowedAddresses", 50);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.messageJa()).isEqualTo("許可する接続元アドレス（allowedAddresses）を 1〜50 件指定してください。");
        assertThat(e.messageEn()).isEqualTo("Name 1 to 50 allowed client addresses (allowedAddresses).");
    }
}
