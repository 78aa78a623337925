package jp.sitesign.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decisions are shown to users and matched on by code, so both must stay well formed and stable. */
class DecisionTest {

    @Test
    void allowHasTheAllowedCodeAndNoReason() {
        assertThat(Decision.allow()).isEqualTo(new Decision(true, "ALLOWED", "", ""));
        assertThat(Decision.allow().denied()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Denial.class)
    void denyCarriesTheDenialsCodeAndReasons(Denial denial) {
        Decision decision = Decision.deny(denial);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denied()).isTrue();
        assertThat(decision.code()).isEqualTo(denial.name());
        assertThat(decision.reasonJa()).isEqualTo(denial.reasonJa());
        assertThat(decision.reasonEn()).isEqualTo(denial.reasonEn());
    }

    @Test
    void allowedFlagAndCodeCannotContradictEachOther() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Decision(true, "ROLE_REQUIRED", "", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> new Decision(false, "ALLOWED", "", ""));
    }

    @Test
    void denialCodesAreStable() {
        // Clients, the audit log and sync rejections match on these; renaming one breaks them.
        assertThat(Arrays.stream(Denial.values()).map(Denial::code)).containsExactlyInAnyOrder(
                "ACCOUNT_SUSPENDED", "ACCOUNT_DELETED", "ACCOUNT_LOCKED", "COMPANY_TERMINATED", "COMPANY_READ_ONLY",
                "OTHER_COMPANY", "NOT_INVOLVED", "ROLE_REQUIRED", "OWNER_OPERATOR_ONLY", "SELF_ACTION",
                "NOT_DRAFT", "NOT_CREATOR", "NOT_CURRENT_APPROVER", "NOT_CURRENT_PARTY", "NOT_ASSIGNED_SIGNER",
                "NO_SIGNING_AUTHORITY", "NOT_SENDER", "SCOPE_MISSING", "NOT_FOR_APPLICATIONS",
                "APPLICATIONS_ONLY");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Denial.class)
    void everyDenialReadsAsAPoliteJapaneseSentenceAndHasAnEnglishOne(Denial denial) {
        assertThat(denial.reasonJa()).endsWith("。").containsPattern("(です|ます|ません)。");
        assertThat(denial.reasonJa().codePoints()).anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HIRAGANA);
        assertThat(denial.reasonEn()).isNotBlank().endsWith(".");
    }
}
