package jp.sitesign.model.document;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class DocumentMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(DocumentMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = DocumentMessage.PAGE_COUNT_MISMATCH.exception(3, 2);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT);
        assertThat(e.messageJa()).startsWith("PDF のページ数の記載（3）が実際のページ数（2）と一致しません。");
        assertThat(e.messageEn()).startsWith("The PDF claims 3 pages but has 2.");
    }
}
