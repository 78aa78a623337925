package jp.sitesign.model.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

class AttachmentsTest {

    @Test
    void aNameIsStoredWithoutSurroundingBlanks() {
        assertThat(Attachments.checkName("  図面一式（電気設備）.pdf \n")).isEqualTo("図面一式（電気設備）.pdf");
    }

    @Test
    void anEmptyTooLongOrControlCharacterNameIsRefusedSayingWhy() {
        assertThatThrownBy(() -> Attachments.checkName(null)).isInstanceOfSatisfying(SiteSignException.class,
                e -> assertThat(e.messageJa()).contains("名前"));
        assertThatThrownBy(() -> Attachments.checkName("   ")).isInstanceOf(SiteSignException.class);
        assertThatNoException().isThrownBy(() -> Attachments.checkName("あ".repeat(Attachments.MAX_NAME_LENGTH)));
        assertThatThrownBy(() -> Attachments.checkName("あ".repeat(Attachments.MAX_NAME_LENGTH + 1)))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.messageEn()).contains("200");
                });
        assertThatThrownBy(() -> Attachments.checkName("仕様書\u0000.pdf")).isInstanceOfSatisfying(
                SiteSignException.class, e -> assertThat(e.messageEn()).contains("control"));
    }

    @Test
    void theSixthAttachmentIsRefusedAndTheFifthIsNot() {
        assertThatNoException().isThrownBy(() -> Attachments.checkRoom(Attachments.MAX_PER_CONTRACT - 1));
        assertThatThrownBy(() -> Attachments.checkRoom(Attachments.MAX_PER_CONTRACT))
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ATTACHMENT_LIMIT);
                    assertThat(e.code().httpStatus()).isEqualTo(409);
                    assertThat(e.messageJa()).contains("5 件まで");
                    assertThat(e.messageEn()).contains("at most 5");
                });
    }
}
