package jp.sitesign.model.company;

/**
 * 法人番号: 13 digits whose first digit is a check digit over the other twelve
 * (国税庁 "法人番号の指定等に関する省令" 第2条).
 */
public record CorporateNumber(String value) {

    public CorporateNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("法人番号 must be 13 digits with a valid check digit: " + value);
        }
    }

    /** True when {@code value} is 13 ASCII digits and its first digit is the check digit of the rest. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return value.charAt(0) - '0' == checkDigit(value.substring(1));
    }

    /** The check digit for a 12-digit base number: 9 - (Σ Pn·Qn mod 9), n counted from the right, Qn = 1 for odd n, 2 for even n. */
    public static int checkDigit(String base12) {
        if (base12 == null || base12.length() != 12) {
            throw new IllegalArgumentException("base number must have 12 digits");
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base12.charAt(12 - n) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("base number must be digits only");
            }
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    @Override
    public String toString() {
        return value;
    }
}
