package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class ContractMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(ContractMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = ContractMessage.TERMS_MISSING.exception("工期、請負代金の額", "term, price");

        assertThat(e.code()).isEqualTo(ErrorCode.CONTRACT_INCOMPLETE);
        assertThat(e.messageJa()).isEqualTo("建設業法第19条の記載事項が不足しています: 工期、請負代金の額");
        assertThat(e.messageEn()).isEqualTo("Items required by 建設業法 Article 19 are missing: term, price");
    }
}
