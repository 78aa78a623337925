package jp.sitesign.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.server.CatalogueTexts;
import org.junit.jupiter.api.Test;

/** Every {@link CertificateMessage} says the same thing in both languages: both texts, with as many arguments. */
class CertificateMessageTest {

    /** The parser's own reason is English and only the English text carries it; the Japanese asks to check the file. */
    private static final Set<CertificateMessage> ENGLISH_DETAIL_ONLY = Set.of(CertificateMessage.CERTIFICATE_UNREADABLE,
            CertificateMessage.CSR_UNREADABLE);

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        CatalogueTexts.assertEveryMessageReads(Arrays.stream(CertificateMessage.values())
                .filter(m -> !ENGLISH_DETAIL_ONLY.contains(m)).toArray(CataloguedMessage[]::new));
    }

    @Test
    void theParserReasonIsAddedToTheEnglishOnly() {
        for (CertificateMessage m : ENGLISH_DETAIL_ONLY) {
            assertThat(m.exception("bad tag").messageJa()).as(m + " ja").isNotBlank().doesNotContain("bad tag");
            assertThat(m.exception("bad tag").messageEn()).as(m + " en").endsWith(": bad tag");
        }
    }
}
