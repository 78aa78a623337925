package jp.sitesign.server.auth;

import java.security.SecureRandom;
import java.util.List;
import jp.sitesign.model.crypto.PasswordHasher;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.PasswordRules;

/**
 * Hashing, rule checks and one-time passwords, in one place for the API and the operator CLI; the API runs
 * whatever hashes on the {@link PasswordPool}.
 */
public final class Passwords {
    /** No 0/O, 1/l/I: one-time passwords are read off a screen and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int ONE_TIME_LENGTH = 14;

    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final PasswordPool pool;
    private final SecureRandom random = new SecureRandom();

    public Passwords(PasswordHasher hasher, PasswordRules rules, PasswordPool pool) {
        this.hasher = hasher;
        this.rules = rules;
        this.pool = pool;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /** Where API requests run work that hashes, so it never holds an HTTP worker. */
    public PasswordPool pool() {
        return pool;
    }

    /** Throws PASSWORD_RULE naming every broken rule, in both languages. */
    public void requireAcceptable(String password, String userId) {
        List<PasswordRules.Violation> violations = rules.check(password, userId);
        if (!violations.isEmpty()) {
            throw new SiteSignException(ErrorCode.PASSWORD_RULE,
                    String.join(" ", violations.stream().map(PasswordRules.Violation::messageJa).toList()),
                    String.join(" ", violations.stream().map(PasswordRules.Violation::messageEn).toList()));
        }
    }

    /** A random one-time password with letters and digits; its holder must change it at first login. */
    public String oneTime() {
        while (true) {
            StringBuilder sb = new StringBuilder(ONE_TIME_LENGTH);
            for (int i = 0; i < ONE_TIME_LENGTH; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = sb.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }
}
