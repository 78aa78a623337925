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
    /**
     * Stands for the server's organisation seal as the sender's "signer" of a 送付のみ contract an integration
     * application sends (ADR 34): the seal signs instead of a person. Never issued to anybody.
     */
    public static final UserId SERVER_SEAL = new UserId("U99999999");

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
            throw UserIdMessage.MALFORMED.exception(field);
        }
        return new UserId(value);
    }

    public static UserId random(SecureRandom random) {
        // 1 … 99 999 998: neither WITHHELD nor SERVER_SEAL is ever handed out.
        return new UserId(String.format("U%08d", 1 + random.nextInt(99_999_998)));
    }

    /** Whether this is {@link #WITHHELD}, another company's approver left unnamed. */
    public boolean isWithheld() {
        return equals(WITHHELD);
    }

    /** Whether this is {@link #SERVER_SEAL}, the server's organisation seal rather than a person. */
    public boolean isServerSeal() {
        return equals(SERVER_SEAL);
    }

    @Override
    public String toString() {
        return value;
    }
}
