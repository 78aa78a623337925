package jp.sitesign.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.sitesign.model.user.PasswordRules.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {
    private static final String USER = "U01234567";
    private final PasswordRules rules = new PasswordRules();

    private List<String> broken(String password) {
        return rules.check(password, USER).stream().map(Violation::rule).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kabuto-Mushi42", "genba#2026sign", "工事現場の安全第一!", "x7-Tq9.mZ2", "kawasaki-bridge 4"})
    void aGoodPasswordPasses(String password) {
        assertThat(rules.check(password, USER)).isEmpty();
    }

    @Test
    void tooShortAlone() {
        assertThat(broken("Kt-7xq9mZ")).containsExactly("TOO_SHORT");     // 9 characters
        assertThat(broken("Kt-7xq9mZw")).isEmpty();                       // 10 characters
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // 9 characters, 10 UTF-16 units: 𠮷 (as in 𠮷野家) is one character outside the BMP
        assertThat(broken("𠮷野-7xq9mZ")).containsExactly("TOO_SHORT");
        assertThat(broken("𠮷野-7xq9mZw")).isEmpty();
    }

    @Test
    void theMinimumLengthIsConfigurableAndNamedInTheMessage() {
        PasswordRules twelve = new PasswordRules(12);
        assertThat(twelve.minLength()).isEqualTo(12);
        List<Violation> violations = twelve.check("Kabuto-Mu42", USER);
        assertThat(violations).extracting(Violation::rule).containsExactly("TOO_SHORT");
        assertThat(violations.get(0).messageJa()).contains("12");
        assertThat(violations.get(0).messageEn()).contains("12");
        assertThat(twelve.check("Kabuto-Mus42", USER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void aMinimumLengthOutside8To128IsRefused(int minLength) {
        assertThatThrownBy(() -> new PasswordRules(minLength)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minimumLengthBoundsAreAccepted() {
        assertThatCode(() -> new PasswordRules(8)).doesNotThrowAnyException();
        assertThatCode(() -> new PasswordRules(128)).doesNotThrowAnyException();
    }

    @Test
    void tooLongAlone() {
        String base = "Kabuto-Mushi42";
        String exactly128 = base + "x".repeat(PasswordRules.MAX_LENGTH - base.length());
        assertThat(exactly128).hasSize(128);
        assertThat(broken(exactly128)).isEmpty();
        assertThat(broken(exactly128 + "y")).containsExactly("TOO_LONG");
    }

    @Test
    void maximumLengthCountsCharactersLikeTheMinimum() {
        String base = "Kabuto-Mushi42";
        String exactly128 = base + "𠮷".repeat(PasswordRules.MAX_LENGTH - base.length());
        assertThat(exactly128.codePointCount(0, exactly128.length())).isEqualTo(128);
        assertThat(broken(exactly128)).isEmpty();
        assertThat(broken(exactly128 + "𠮷")).containsExactly("TOO_LONG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"U01234567-site!", "u01234567-site!", "site-U01234567!", "xx-u01234567-xx"})
    void containingTheUserIdAlone(String password) {
        assertThat(broken(password)).containsExactly("CONTAINS_USER_ID");
    }

    @Test
    void theUserIdRuleIsSkippedWithoutAUserId() {
        assertThat(rules.check("U01234567-site!", null)).isEmpty();
        assertThat(rules.check("U01234567-site!", "")).isEmpty();
        assertThat(rules.check("U01234567-site!", "U76543210")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "Password2026!", "PASSWORD!!!!", "qwertyuiop1", "iloveyou2026", "sitesign123!",
            "qwerty123!!", "Letmein-2026"})
    void aCommonPasswordAlone(String password) {
        assertThat(broken(password)).containsExactly("COMMON_PASSWORD");
    }

    @Test
    void aCommonWordInsideALongerPasswordIsNotRefused() {
        // only a trailing run of digits and symbols is ignored; a real word after it makes it a new password
        assertThat(broken("password-kabuto-7")).isEmpty();
        assertThat(broken("my-password-7")).isEmpty();
    }

    @Test
    void aCommonAllDigitPasswordIsRefusedAsCommon() {
        assertThat(broken("1234567890")).contains("COMMON_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kabutomushinosu", "KABUTOMUSHI", "かぶとむしのおうちです", "73914082657", "-+*/!#$%&=~"})
    void onlyOneCharacterKindAlone(String password) {
        assertThat(broken(password)).containsExactly("TOO_SIMPLE");
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(broken("u01234567")).containsExactlyInAnyOrder("TOO_SHORT", "CONTAINS_USER_ID");
        assertThat(broken("password")).containsExactlyInAnyOrder("TOO_SHORT", "COMMON_PASSWORD", "TOO_SIMPLE");
    }

    @Test
    void aMissingPasswordIsTooShort() {
        assertThat(broken(null)).containsExactly("TOO_SHORT");
        assertThat(broken("")).containsExactlyInAnyOrder("TOO_SHORT", "TOO_SIMPLE");
    }

    @Test
    void everyViolationSaysWhatToDoInJapaneseAndEnglish() {
        List<Violation> all = new java.util.ArrayList<>();
        all.addAll(rules.check("u01234567", USER));
        all.addAll(rules.check("password", USER));
        all.addAll(rules.check("Kabuto-Mushi42" + "x".repeat(200), USER));
        assertThat(all).extracting(Violation::rule)
                .contains("TOO_SHORT", "TOO_LONG", "CONTAINS_USER_ID", "COMMON_PASSWORD", "TOO_SIMPLE");
        for (Violation v : all) {
            assertThat(v.messageJa()).as(v.rule()).isNotBlank().containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
            assertThat(v.messageEn()).as(v.rule()).isNotBlank().matches("\\p{ASCII}+").endsWith(".");
            assertThat(v.messageJa()).isNotEqualTo(v.messageEn());
        }
        assertThat(all.stream().distinct().map(Violation::messageEn).distinct()).hasSize(5);
    }
}
