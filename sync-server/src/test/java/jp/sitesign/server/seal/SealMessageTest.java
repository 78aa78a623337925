package jp.sitesign.server.seal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class SealMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(SealMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = SealMessage.SEALING_FAILED.exception("PIN が違います。", "Wrong PIN.");

        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.messageJa()).isEqualTo("サーバーの電子印による封印に失敗しました: PIN が違います。");
        assertThat(e.messageEn()).isEqualTo("Sealing with the server's seal failed: Wrong PIN.");
    }
}
