package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages with the same arguments, and a refusal carries them filled in. */
class ContractFieldMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(ContractFieldMessage.values());
    }

    @Test
    void aFieldIsNamedInEachLanguageByItsOwnLabel() {
        ContractFieldMessage note = ContractFieldMessage.FIELD_NOTE;
        SiteSignException e = ContractFieldMessage.FIELD_TOO_LONG.exception(note.ja(), note.en(), 2000);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.messageJa()).isEqualTo("備考は 2000 文字以内で入力してください。");
        assertThat(e.messageEn()).isEqualTo("The note must be at most 2000 characters.");
    }
}
