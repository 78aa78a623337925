package jp.sitesign.model.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A catalogue enum only holds its texts; filling them in and raising the refusal works the same for all. */
class CataloguedMessageTest {
    enum Sample implements CataloguedMessage {
        NOT_FOUND(ErrorCode.NOT_FOUND, "案件 %s は見つかりません。", "Contract %s was not found."),
        BY_LANGUAGE(ErrorCode.CONFLICT, "「%1$s」です。", "It is %2$s."),
        LABEL(null, "利用目的", "the purpose");

        private final Texts texts;

        Sample(ErrorCode code, String ja, String en) {
            this.texts = new Texts(code, ja, en);
        }

        @Override
        public Texts texts() {
            return texts;
        }
    }

    @Test
    void aRefusalCarriesTheCodeAndBothTextsFilledIn() {
        SiteSignException e = Sample.NOT_FOUND.exception("k-1");

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.messageJa()).isEqualTo("案件 k-1 は見つかりません。");
        assertThat(e.messageEn()).isEqualTo("Contract k-1 was not found.");
    }

    @Test
    void numberedPlaceholdersTakeEachLanguagesOwnArgument() {
        SiteSignException e = Sample.BY_LANGUAGE.exception("下書き", "a draft");

        assertThat(e.messageJa()).isEqualTo("「下書き」です。");
        assertThat(e.messageEn()).isEqualTo("It is a draft.");
    }

    @Test
    void aLabelIsNeverRaisedOnItsOwn() {
        assertThat(Sample.LABEL.ja()).isEqualTo("利用目的");
        assertThatThrownBy(Sample.LABEL::exception).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("LABEL");
    }
}
