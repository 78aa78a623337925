package jp.sitesign.model.user;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a valid user profile looks like; shared so the desktop app marks the same fields the server
 * refuses. Each problem names its field in Japanese and English.
 */
public final class ProfileRules {
    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;
    /**
     * An address a mail server would take: the characters RFC 5322 allows unquoted in the local part,
     * dot-separated domain labels (letters of any script, for internationalised domains). Markup and
     * punctuation such as {@code < > ( ) ; ,} are not part of any deliverable address.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    /** Full-width katakana, the long-vowel mark, middle dot and spaces. */
    private static final Pattern KANA = Pattern.compile("[\\u30A0-\\u30FF\\u3000 ]+");

    private ProfileRules() {
    }

    public static List<Problem> check(UserProfile p) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "name", "氏名", "Name", p.name(), MAX_NAME);
        required(problems, "nameKana", "氏名（カナ）", "Name (kana)", p.nameKana(), MAX_NAME);
        if (present(p.nameKana()) && !KANA.matcher(p.nameKana()).matches()) {
            problems.add(new Problem("nameKana", "氏名（カナ）は全角カタカナで入力してください。",
                    "Name (kana) must be written in full-width katakana."));
        }
        required(problems, "email", "メールアドレス", "Email", p.email(), MAX_EMAIL);
        if (present(p.email()) && !EMAIL.matcher(p.email()).matches()) {
            problems.add(new Problem("email", "メールアドレスの形式が正しくありません。", "The email address is not valid."));
        }
        optional(problems, "department", "所属", "Department", p.department());
        optional(problems, "title", "役職", "Title", p.title());
        return problems;
    }

    private static void required(List<Problem> problems, String field, String ja, String en, String value, int max) {
        if (!present(value)) {
            problems.add(new Problem(field, ja + "を入力してください。", en + " is required."));
        } else {
            optional(problems, field, ja, en, value, max);
        }
    }

    private static void optional(List<Problem> problems, String field, String ja, String en, String value) {
        optional(problems, field, ja, en, value, MAX_NAME);
    }

    private static void optional(List<Problem> problems, String field, String ja, String en, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add(new Problem(field, ja + "は " + max + " 文字以内で入力してください。",
                    en + " must be at most " + max + " characters."));
        }
        if (value.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            problems.add(new Problem(field, ja + "に制御文字は使えません。", en + " must not contain control characters."));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** One invalid field. */
    public record Problem(String field, String messageJa, String messageEn) {
    }
}
