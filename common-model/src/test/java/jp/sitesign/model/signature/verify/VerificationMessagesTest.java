package jp.sitesign.model.signature.verify;

import org.junit.jupiter.api.Test;

import java.security.cert.CRLReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages of the report have the same words, and a word for every revocation status, reason and
 * ignored-data reason the verifier can produce: a missing one would make the report itself fail.
 */
class VerificationMessagesTest {

    @Test
    void japaneseAndEnglishHaveTheSameKeys() {
        assertThat(bundle(Locale.ENGLISH).keySet()).containsExactlyInAnyOrderElementsOf(bundle(Locale.JAPANESE).keySet());
    }

    @Test
    void everyRevocationOutcomeHasWordsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (RevocationStatus status : RevocationStatus.values()) {
            keys.add("revocation." + status);
        }
        for (CRLReason reason : CRLReason.values()) {
            keys.add("reason." + reason.name());
        }
        for (IgnoredRevocation.Reason reason : IgnoredRevocation.Reason.values()) {
            keys.add("ignored." + reason);
        }
        for (String summary : List.of("GOOD", "REVOKED", "REVOKED_AFTER_SIGNING", "PARTIAL", "NOT_CHECKED")) {
            keys.add("revocation.summary." + summary);
        }
        for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
            assertThat(bundle(locale).keySet()).as(locale.toString()).containsAll(keys);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(ReportText.class.getPackageName() + ".VerificationMessages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
