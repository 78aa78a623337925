package jp.sitesign.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class EvidenceMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(EvidenceMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = EvidenceMessage.PDF_NOT_VERIFIABLE.exception("broken xref");

        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.messageJa()).isEqualTo("契約の PDF を検証できません: broken xref");
        assertThat(e.messageEn()).isEqualTo("The contract PDF cannot be verified: broken xref");
    }
}
