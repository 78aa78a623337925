package jp.sitesign.model.company;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A tenant's identifier: {@code C} followed by 8 digits, e.g. {@code C01234567}.
 */
public record CompanyId(@JsonValue String value) {
    private static final Pattern FORMAT = Pattern.compile("C\\d{8}");

    public CompanyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("company id must be C followed by 8 digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** A fresh random id; callers retry on the (rare) collision. */
    public static CompanyId random(SecureRandom random) {
        return new CompanyId(String.format("C%08d", random.nextInt(100_000_000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
