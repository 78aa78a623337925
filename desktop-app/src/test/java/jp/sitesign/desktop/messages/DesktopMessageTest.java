package jp.sitesign.desktop.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** Every catalogued message reads in both languages, and its arguments land in both. */
class DesktopMessageTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Test
    void everyMessageHasAJapaneseAndAnEnglishText() {
        for (DesktopMessage m : DesktopMessage.values()) {
            Object[] args = {"‹1›", "‹2›"};
            assertThat(m.ja(args)).as(m + " ja").isNotBlank().containsPattern(JAPANESE);
            assertThat(m.en(args)).as(m + " en").isNotBlank().doesNotContainPattern(JAPANESE);
            for (Object arg : args) {
                if (m.ja(args).contains((String) arg)) {
                    assertThat(m.en(args)).as(m + ": an argument the Japanese shows, the English shows too")
                            .contains((String) arg);
                }
            }
        }
    }

    @Test
    void anErrorCarriesItsCodeAndBothTextsWithTheArgumentsFilledIn() {
        SiteSignException e = DesktopMessage.CONTRACT_NOT_ON_THIS_COMPUTER.exception("k-42");

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.messageJa()).isEqualTo("案件 k-42 はこのパソコンにありません。");
        assertThat(e.messageEn()).isEqualTo("Contract k-42 is not on this computer.");
    }

    @Test
    void aSentenceForTheLogHasBothLanguagesAndIsNeverRaised() {
        assertThat(DesktopMessage.SERVER_UNREACHABLE.bilingual("https://s", "refused"))
                .isEqualTo("サーバー https://s に接続できません / cannot reach https://s: refused");
        assertThatThrownBy(DesktopMessage.SYNC_OFFLINE::exception).isInstanceOf(IllegalStateException.class);
    }
}
