package jp.sitesign.model.user;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.sitesign.model.error.CatalogueAssertions;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** The malformed-id message reads in both languages and names the field, as before it was catalogued. */
class UserIdMessageTest {
    @Test
    void everyMessageHasAJapaneseAndAnEnglishTextWithTheSamePlaceholders() {
        CatalogueAssertions.assertEveryMessageReads(UserIdMessage.values());
    }

    @Test
    void aMalformedIdNamesItsField() {
        assertThatThrownBy(() -> UserId.parse("signer", "X123"))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.messageJa())
                            .isEqualTo("パラメータ「signer」はU + 8 桁の数字で指定してください。");
                    org.assertj.core.api.Assertions.assertThat(e.messageEn())
                            .isEqualTo("Parameter \"signer\" must be U followed by 8 digits.");
                });
    }
}
