package jp.sitesign.model.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"C00000000", "C01234567", "C99999999"})
    void acceptsCFollowedByEightAsciiDigits(String value) {
        assertThat(CompanyId.isValid(value)).isTrue();
        assertThat(new CompanyId(value).value()).isEqualTo(value);
        assertThat(new CompanyId(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "C",
            "C1234567",            // 7 digits
            "C123456789",          // 9 digits
            "c01234567",           // lower-case prefix
            "Ｃ01234567",           // full-width prefix
            "C０１２３４５６７",      // full-width digits
            "C٠١٢٣٤٥٦٧",           // Arabic-Indic digits are digits, but not ASCII
            "U01234567",           // a user id is not a company id
            "01234567",
            " C01234567",
            "C01234567 ",
            "C01234567\n",
            "C0123 4567",
            "C-1234567",
            "C+1234567"})
    void refusesEverythingElse(String value) {
        assertThat(CompanyId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new CompanyId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsAreAlwaysValid() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            assertThat(CompanyId.isValid(CompanyId.random(random).value())).isTrue();
        }
    }

    @Test
    void randomIdsArePaddedToEightDigitsAtBothEndsOfTheRange() {
        assertThat(CompanyId.random(new FixedDraw(0))).hasToString("C00000000");
        assertThat(CompanyId.random(new FixedDraw(7))).hasToString("C00000007");
        assertThat(CompanyId.random(new FixedDraw(99_999_999))).hasToString("C99999999");
    }

    /** A random source that always draws the same number, to reach the ends of the id range. */
    private static final class FixedDraw extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final int value;

        FixedDraw(int value) {
            this.value = value;
        }

        @Override
        public int nextInt(int bound) {
            return Math.min(value, bound - 1);
        }
    }
}
