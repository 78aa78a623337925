package jp.sitesign.model.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

    /**
     * Real numbers from the 国税庁法人番号公表サイト, each also checked by hand against the formula
     * 9 − (Σ Pn×Qn mod 9). E.g. 国税庁: base 000012050002, Σ = 2·1 + 0·2 + 0·1 + 0·2 + 5·1 + 0·2 + 2·1 + 1·2 = 11,
     * 9 − (11 mod 9) = 7.
     */
    private static final String NTA = "7000012050002";          // 国税庁
    private static final String METI = "4000012090001";         // 経済産業省
    private static final String TOYOTA = "1180301018771";       // トヨタ自動車株式会社
    private static final String SONY_GROUP = "5010401067252";   // ソニーグループ株式会社
    private static final String NINTENDO = "1130001011420";     // 任天堂株式会社

    @ParameterizedTest
    @ValueSource(strings = {NTA, METI, TOYOTA, SONY_GROUP, NINTENDO})
    void acceptsRealCorporateNumbers(String value) {
        assertThat(CorporateNumber.isValid(value)).isTrue();
        assertThat(new CorporateNumber(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {NTA, METI, TOYOTA, SONY_GROUP, NINTENDO})
    void checkDigitOfTheBaseIsTheLeadingDigit(String value) {
        assertThat(CorporateNumber.checkDigit(value.substring(1))).isEqualTo(value.charAt(0) - '0');
    }

    @Test
    void checkDigitIsNineWhenTheWeightedSumIsAMultipleOfNine() {
        // Σ over 000000000009 = 9·1 = 9 ≡ 0 (mod 9), so the check digit is 9 − 0 = 9, never 0.
        assertThat(CorporateNumber.checkDigit("000000000009")).isEqualTo(9);
        assertThat(CorporateNumber.checkDigit("000000000000")).isEqualTo(9);
        // Σ over 000000000010 = 1·2 = 2, check digit 7: the even positions from the right weigh 2.
        assertThat(CorporateNumber.checkDigit("000000000010")).isEqualTo(7);
        assertThat(CorporateNumber.checkDigit("000000000001")).isEqualTo(8);
    }

    /**
     * The official mod-9 check digit cannot tell 0 from 9 in the base (both weigh 0 mod 9); every other
     * single-digit change, including any change of the check digit, must be refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {NTA, METI, TOYOTA, SONY_GROUP, NINTENDO})
    void everySingleDigitChangeOtherThanZeroForNineIsRefused(String value) {
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < 13; i++) {
            for (char d = '0'; d <= '9'; d++) {
                char original = value.charAt(i);
                if (d == original || (i > 0 && zeroNineSwap(original, d))) {
                    continue;
                }
                String changed = value.substring(0, i) + d + value.substring(i + 1);
                tried++;
                if (CorporateNumber.isValid(changed)) {
                    accepted.add(changed);
                }
            }
        }
        assertThat(tried).isGreaterThan(100);
        assertThat(accepted).isEmpty();
    }

    @Test
    void changingTheCheckDigitItselfIsAlwaysRefused() {
        for (char d = '0'; d <= '9'; d++) {
            if (d != NTA.charAt(0)) {
                assertThat(CorporateNumber.isValid(d + NTA.substring(1))).as("check digit %s", d).isFalse();
            }
        }
    }

    @Test
    void zeroNineSwapInTheBaseIsInvisibleToTheOfficialFormula() {
        // Kept as a test so nobody "improves" the formula into one that refuses numbers the 国税庁 issues:
        // 7000012050002 with its third digit 0 turned to 9 passes the official check.
        assertThat(CorporateNumber.isValid("7090012050002")).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "700001205000",        // 12 digits
            "70000120500020",      // 14 digits
            "７００００１２０５０００２", // full-width digits
            "7000-0120-50002",
            "7000012050002 ",
            " 7000012050002",
            "T7000012050002",      // the インボイス registration number is not a 法人番号
            "700001205000A",
            "-700001205000",
            "700001205000/"})      // '/' is the character just below '0'
    void refusesWrongLengthAndNonDigits(String value) {
        assertThat(CorporateNumber.isValid(value)).isFalse();
        assertThatThrownBy(() -> new CorporateNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "00001205000", "0000120500021", "00001205000A", "00001205000:"})
    void checkDigitRefusesABaseThatIsNotTwelveDigits(String base) {
        assertThatThrownBy(() -> CorporateNumber.checkDigit(base)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean zeroNineSwap(char a, char b) {
        return (a == '0' && b == '9') || (a == '9' && b == '0');
    }
}
