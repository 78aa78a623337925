package jp.sitesign.model.user;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A login id: {@code U} followed by 8 digits, e.g. {@code U01234567}. */
public record UserId(@JsonValue String value) {
    private static final Pattern FORMAT = Pattern.compile("U\\d{8}");

    public UserId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("user id must be U followed by 8 digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** A fresh random id; callers retry on the (rare) collision. */
    public static UserId random(SecureRandom random) {
        return new UserId(String.format("U%08d", random.nextInt(100_000_000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
