package jp.sitesign.model.user;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A login id: {@code U} followed by 8 digits, e.g. {@code U01234567}. */
public record UserId(@JsonValue String value) {
    private static final Pattern FORMAT = Pattern.compile("U\\d{8}");
    /**
     * Stands for an approver of another company whom the viewer may not know (ContractProgress#seenBy):
     * never issued to anybody.
     */
    public static final UserId WITHHELD = new UserId("U00000000");

    public UserId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("user id must be U followed by 8 digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** A fresh random id; callers retry on the (rare) collision. */
    /**
     * The id in a request field, or a field error in Japanese and English naming {@code field}: the one
     * wording for a malformed user id, for the REST parameters, a draft's route and the sync commands.
     */
    public static UserId parse(String field, String value) {
        if (!isValid(value)) {
            throw new jp.sitesign.model.error.SiteSignException(jp.sitesign.model.error.ErrorCode.INVALID_FIELD,
                    "パラメータ「" + field + "」はU + 8 桁の数字で指定してください。",
                    "Parameter \"" + field + "\" must be U followed by 8 digits.");
        }
        return new UserId(value);
    }

    public static UserId random(SecureRandom random) {
        return new UserId(String.format("U%08d", 1 + random.nextInt(99_999_999)));
    }

    /** Whether this is {@link #WITHHELD}, another company's approver left unnamed. */
    public boolean isWithheld() {
        return equals(WITHHELD);
    }

    @Override
    public String toString() {
        return value;
    }
}
