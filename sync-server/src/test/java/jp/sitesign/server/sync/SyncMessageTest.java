package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class SyncMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(SyncMessage.values());
    }

    @Test
    void aRefusalCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = SyncMessage.UPLOAD_OFFSET.exception(1024);

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.messageJa()).isEqualTo("アップロードの続きは 1024 バイト目からです。");
        assertThat(e.messageEn()).isEqualTo("The upload continues at byte 1024.");
    }
}
