package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class SignedVersionMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(SignedVersionMessage.values());
    }

    @Test
    void eachLanguageListsTheChangesInItsOwnWords() {
        SiteSignException e = SignedVersionMessage.OTHER_CHANGES.exception("・ページ 1 の内容", "・page 1's content");

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(e.messageJa()).isEqualTo("署名の追記に、署名以外の変更が含まれています。\n・ページ 1 の内容");
        assertThat(e.messageEn()).isEqualTo("The update that adds the signature changes other things too.\n・page 1's content");
    }
}
