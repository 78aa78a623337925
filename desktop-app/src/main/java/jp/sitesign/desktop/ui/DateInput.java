package jp.sitesign.desktop.ui;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of typed dates, for every date field of the app whatever the display style: 西暦
 * {@code 2026/4/1}, {@code 2026/04/01}, {@code 2026-04-01}, {@code 2026.4.1}, {@code 2026年4月1日}; 和暦 {@code 令和8年4月1日},
 * {@code 令和元年5月1日}, {@code R8.4.1}, {@code R8/4/1}, {@code R08.04.01} (M, T, S, H, R for 明治 … 令和), and
 * {@code Reiwa 8/4/1} as the English window writes it. Full-width digits and punctuation (２０２６／４／１) count
 * as their ASCII forms. A day that does not exist (2026/2/30) or lies outside its era (平成32年) is refused.
 */
public final class DateInput {
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[/\\-.年]\\s*(\\d{1,2})\\s*[/\\-.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern WAREKI = Pattern.compile("(\\p{IsHan}{2})\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");
    private static final Pattern WAREKI_SHORT = Pattern.compile("([MTSHR])\\s*(元|\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})");
    private static final Pattern WAREKI_ROMAJI = Pattern.compile("(\\p{IsLatin}{4,})\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})");
    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(
            Map.entry("明治", JapaneseEra.MEIJI), Map.entry("大正", JapaneseEra.TAISHO),
            Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("平成", JapaneseEra.HEISEI),
            Map.entry("令和", JapaneseEra.REIWA),
            Map.entry("M", JapaneseEra.MEIJI), Map.entry("T", JapaneseEra.TAISHO), Map.entry("S", JapaneseEra.SHOWA),
            Map.entry("H", JapaneseEra.HEISEI), Map.entry("R", JapaneseEra.REIWA),
            Map.entry("MEIJI", JapaneseEra.MEIJI), Map.entry("TAISHO", JapaneseEra.TAISHO),
            Map.entry("SHOWA", JapaneseEra.SHOWA), Map.entry("HEISEI", JapaneseEra.HEISEI),
            Map.entry("REIWA", JapaneseEra.REIWA));

    private DateInput() {
    }

    /**
     * The day {@code text} names.
     *
     * @throws DateTimeParseException when it names no day in any of the accepted forms
     */
    public static LocalDate parse(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
        try {
            Matcher w = WESTERN.matcher(t);
            if (w.matches()) {
                return LocalDate.of(Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)),
                        Integer.parseInt(w.group(3)));
            }
            for (Pattern p : new Pattern[] {WAREKI, WAREKI_SHORT, WAREKI_ROMAJI}) {
                Matcher j = p.matcher(p == WAREKI ? t : t.toUpperCase(Locale.ROOT));
                if (j.matches()) {
                    JapaneseEra era = ERAS.get(j.group(1));
                    if (era == null) {
                        break;
                    }
                    int year = "元".equals(j.group(2)) ? 1 : Integer.parseInt(j.group(2));
                    return LocalDate.from(JapaneseDate.of(era, year, Integer.parseInt(j.group(3)),
                            Integer.parseInt(j.group(4))));
                }
            }
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a day: " + t, t, 0, e);
        }
        throw new DateTimeParseException("not a day: " + t, t, 0);
    }

    /** The day, empty for blank text. @throws DateTimeParseException for text that names no day */
    public static Optional<LocalDate> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
    }

    /** Whether {@code text} is blank or a day. */
    public static boolean acceptable(String text) {
        try {
            optional(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
