package jp.sitesign.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every {@link CertificateMessage} says the same thing in both languages: both texts, with as many arguments. */
class CertificateMessageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?s");

    /** The parser's own reason is English and only the English text carries it; the Japanese asks to check the file. */
    private static final Set<CertificateMessage> ENGLISH_DETAIL_ONLY = Set.of(CertificateMessage.CERTIFICATE_UNREADABLE,
            CertificateMessage.CSR_UNREADABLE);

    @Test
    void everyMessageHasBothTextsWithTheSamePlaceholders() {
        for (CertificateMessage m : CertificateMessage.values()) {
            assertThat(m.messageJa()).as(m + " in Japanese").isNotBlank();
            assertThat(m.messageEn()).as(m + " in English").isNotBlank();
            if (ENGLISH_DETAIL_ONLY.contains(m)) {
                continue;
            }
            assertThat(placeholders(m.messageJa())).as(m + " placeholders").isEqualTo(placeholders(m.messageEn()));
        }
    }

    private static long placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().count();
    }
}
