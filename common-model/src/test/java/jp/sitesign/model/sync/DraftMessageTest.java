package jp.sitesign.model.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class DraftMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(DraftMessage.values());
    }

    @Test
    void eachLanguageNamesTheFormByItsOwnLabel() {
        SiteSignException e = DraftMessage.TOO_MANY_PARTIES.exception("二者間", "Two-party", 2);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.messageJa()).isEqualTo("「二者間」の当事者は送付元を含めて 2 社までです。");
        assertThat(e.messageEn()).isEqualTo("Two-party allows at most 2 parties, the sender included.");
    }
}
