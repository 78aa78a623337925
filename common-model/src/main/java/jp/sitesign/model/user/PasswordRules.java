package jp.sitesign.model.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules, shared so the desktop app can show under the field exactly what the server
 * will refuse. Each failed rule is reported on its own, in Japanese and English.
 */
public final class PasswordRules {
    public static final int DEFAULT_MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = loadCommonPasswords();

    private final int minLength;

    public PasswordRules(int minLength) {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be between 8 and " + MAX_LENGTH);
        }
        this.minLength = minLength;
    }

    public PasswordRules() {
        this(DEFAULT_MIN_LENGTH);
    }

    public int minLength() {
        return minLength;
    }

    /** Every rule the password breaks; empty when it is acceptable. */
    public List<Violation> check(String password, String userId) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            violations.add(new Violation("TOO_SHORT",
                    "パスワードは " + minLength + " 文字以上にしてください。",
                    "The password must be at least " + minLength + " characters long."));
        }
        if (password == null) {
            return violations;
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            violations.add(new Violation("TOO_LONG",
                    "パスワードは " + MAX_LENGTH + " 文字以下にしてください。",
                    "The password must be at most " + MAX_LENGTH + " characters long."));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && !userId.isEmpty() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("CONTAINS_USER_ID",
                    "パスワードに利用者 ID を含めることはできません。",
                    "The password must not contain the user id."));
        }
        if (isCommon(lower)) {
            violations.add(new Violation("COMMON_PASSWORD",
                    "よく使われるパスワードは使用できません。推測されにくいものにしてください。",
                    "This password is too common. Please choose one that is hard to guess."));
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("CONTROL_CHARACTER",
                    "パスワードに制御文字は使えません。",
                    "The password must not contain control characters."));
        }
        if (characterKinds(password) < 2) {
            violations.add(new Violation("TOO_SIMPLE",
                    "英字・数字・記号のうち 2 種類以上を組み合わせてください。",
                    "Please combine at least two of letters, digits and symbols."));
        }
        return violations;
    }

    /** A listed password, also with digits or symbols tacked on the end ("password2026!"). */
    private static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        int end = lower.length();
        while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return end > 0 && COMMON.contains(lower.substring(0, end));
    }

    private static int characterKinds(String password) {
        boolean letter = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    set.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }

    /** One broken rule. */
    public record Violation(String rule, String messageJa, String messageEn) {
    }
}
