package jp.sitesign.desktop.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The window's texts exist in both languages, and choosing one is not overruled by the OS's locale. */
class I18nTest {

    @Test
    void everyTextHasAJapaneseAndAnEnglishVersion() {
        ResourceBundle ja = I18n.bundle(Language.JA);
        ResourceBundle en = I18n.bundle(Language.EN);

        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(ja.keySet());
        assertThat(ja.keySet()).allSatisfy(key -> assertThat(ja.getString(key)).isNotBlank());
        assertThat(en.keySet()).allSatisfy(key -> assertThat(en.getString(key)).isNotBlank());
    }

    @Test
    void japaneseStaysJapaneseOnAnEnglishLanguageComputer() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            assertThat(I18n.bundle(Language.JA).getString("nav.contracts")).isEqualTo("契約一覧");
            assertThat(I18n.bundle(Language.EN).getString("nav.contracts")).isEqualTo("Contracts");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(I18n.format(I18n.bundle(Language.JA), "status.pending", 3)).isEqualTo("未送信 3 件");
        assertThat(I18n.format(I18n.bundle(Language.EN), "status.pending", 3)).isEqualTo("3 unsent");
    }
}
