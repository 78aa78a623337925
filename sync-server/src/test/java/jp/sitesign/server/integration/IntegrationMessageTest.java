package jp.sitesign.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class IntegrationMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(IntegrationMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = IntegrationMessage.TEXT_LENGTH.exception("利用目的", "the purpose", "purpose", 2000);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.messageJa()).isEqualTo("利用目的（purpose）を 1〜2000 文字で入力してください。");
        assertThat(e.messageEn()).isEqualTo("Enter the purpose (purpose) in 1 to 2000 characters.");
    }
}
