package jp.sitesign.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"U00000000", "U01234567", "U99999999"})
    void acceptsUFollowedByEightAsciiDigits(String value) {
        assertThat(UserId.isValid(value)).isTrue();
        assertThat(new UserId(value).value()).isEqualTo(value);
        assertThat(new UserId(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "U",
            "U1234567",            // 7 digits
            "U123456789",          // 9 digits
            "u01234567",           // lower-case prefix
            "Ｕ01234567",           // full-width prefix
            "U０１２３４５６７",      // full-width digits
            "U٠١٢٣٤٥٦٧",           // Arabic-Indic digits are digits, but not ASCII
            "C01234567",           // a company id is not a user id
            "01234567",
            " U01234567",
            "U01234567 ",
            "U01234567\n",
            "U0123 4567",
            "U-1234567",
            "U+1234567"})
    void refusesEverythingElse(String value) {
        assertThat(UserId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new UserId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsAreAlwaysValid() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            assertThat(UserId.isValid(UserId.random(random).value())).isTrue();
        }
    }

    @Test
    void randomIdsArePaddedToEightDigitsAtBothEndsOfTheRange_andNeverTheWithheldApproverOrTheServerSeal() {
        assertThat(UserId.random(new FixedDraw(0))).hasToString("U00000001");
        assertThat(UserId.random(new FixedDraw(6))).hasToString("U00000007");
        assertThat(UserId.random(new FixedDraw(99_999_999))).hasToString("U99999998");
        assertThat(UserId.random(new FixedDraw(99_999_999)).isServerSeal()).isFalse();
        assertThat(UserId.SERVER_SEAL.isServerSeal()).isTrue();
        assertThat(UserId.random(new FixedDraw(0)).isWithheld()).isFalse();
        assertThat(UserId.WITHHELD.isWithheld()).isTrue();
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
