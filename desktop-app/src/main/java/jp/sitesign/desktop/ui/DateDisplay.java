package jp.sitesign.desktop.ui;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.util.StringConverter;
import jp.sitesign.model.time.JapanTime;

/**
 * The one place that writes dates for people: 西暦 {@code 2026/11/26} or 和暦 {@code 令和8年11月26日} (the first
 * year of an era is 元年), instants always as their day in Japan Standard Time. In the English window 和暦 is
 * written with the era in romaji, {@code Reiwa 8/11/26} (the first year is 1, as English texts write it). The style is read on every
 * call, so a display that follows the settings shows a new choice at the next refresh of a screen.
 */
public final class DateDisplay {
    private static final DateTimeFormatter SEIREKI = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ssxxx");
    /** The eras' names written out, so 和暦 does not depend on the JDK's locale data being installed. */
    private static final Map<JapaneseEra, String> ERA_NAMES = Map.of(JapaneseEra.MEIJI, "明治",
            JapaneseEra.TAISHO, "大正", JapaneseEra.SHOWA, "昭和", JapaneseEra.HEISEI, "平成", JapaneseEra.REIWA, "令和");
    private static final Pattern WAREKI = Pattern.compile("(\\p{IsHan}{2})(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日");
    /** The eras in romaji for the English window, without macrons (Taisho, Showa) as forms usually write them. */
    private static final Map<JapaneseEra, String> ERA_ROMAJI = Map.of(JapaneseEra.MEIJI, "Meiji",
            JapaneseEra.TAISHO, "Taisho", JapaneseEra.SHOWA, "Showa", JapaneseEra.HEISEI, "Heisei",
            JapaneseEra.REIWA, "Reiwa");
    private static final Pattern WAREKI_ROMAJI = Pattern.compile("(\\p{IsLatin}+)\\s*(\\d{1,2})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");

    private final ObservableValue<DateStyle> style;
    private final Language language;

    private DateDisplay(ObservableValue<DateStyle> style, Language language) {
        this.style = style;
        this.language = language == null ? Language.JA : language;
    }

    /** Always in {@code style}, for the Japanese window. */
    public static DateDisplay of(DateStyle style) {
        return of(style, Language.JA);
    }

    /** Always in {@code style}, for a window in {@code language}. */
    public static DateDisplay of(DateStyle style, Language language) {
        return new DateDisplay(new ReadOnlyObjectWrapper<>(style), language);
    }

    /**
     * In whatever style {@code style} holds at the time of each call (the settings' date style), for a window
     * in {@code language} (the language the window was loaded in: a changed language setting applies only
     * from the next start).
     */
    public static DateDisplay following(ObservableValue<DateStyle> style, Language language) {
        return new DateDisplay(style, language);
    }

    /**
     * Tells {@code listener} of each change of style. It is held weakly, so the caller keeps it in a field:
     * a closed screen is then not kept alive by the settings.
     */
    public void onChange(ChangeListener<Object> listener) {
        style.addListener(new WeakChangeListener<>(listener));
    }

    public DateStyle style() {
        DateStyle s = style.getValue();
        return s == null ? DateStyle.SEIREKI : s;
    }

    /** The day in the current style; empty for null. */
    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        if (style() == DateStyle.WAREKI) {
            String wareki = language == Language.EN ? warekiRomaji(day) : wareki(day);
            if (wareki != null) {
                return wareki;
            }
        }
        return SEIREKI.format(day);
    }

    /** The JST day of {@code instant}; empty for null. */
    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(JapanTime.ZONE).toLocalDate());
    }

    /** The JST day and time with the offset written out, e.g. {@code 令和8年11月26日 00:00:00+09:00}. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime jst = instant.atZone(JapanTime.ZONE);
        return date(jst.toLocalDate()) + " " + TIME.format(jst);
    }

    /**
     * A day as people type it, in either style: {@code 2026/11/26}, {@code 2026-11-26}, {@code 令和8年11月26日},
     * {@code 令和元年5月1日}, {@code Reiwa 8/11/26}. A 和暦 date outside its era (平成32年) is refused.
     *
     * @throws DateTimeParseException when the text is no such day
     */
    public static LocalDate parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher w = WESTERN.matcher(t);
            if (w.matches()) {
                return LocalDate.of(Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)),
                        Integer.parseInt(w.group(3)));
            }
            Matcher j = WAREKI.matcher(t);
            if (j.matches()) {
                JapaneseEra era = era(j.group(1));
                int year = "元".equals(j.group(2)) ? 1 : Integer.parseInt(j.group(2));
                if (era != null) {
                    return LocalDate.from(JapaneseDate.of(era, year, Integer.parseInt(j.group(3)),
                            Integer.parseInt(j.group(4))));
                }
            }
            Matcher r = WAREKI_ROMAJI.matcher(t);
            if (r.matches()) {
                JapaneseEra era = eraRomaji(r.group(1));
                if (era != null) {
                    return LocalDate.from(JapaneseDate.of(era, Integer.parseInt(r.group(2)),
                            Integer.parseInt(r.group(3)), Integer.parseInt(r.group(4))));
                }
            }
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a day: " + t, t, 0, e);
        }
        throw new DateTimeParseException("not a day: " + t, t, 0);
    }

    /** For date pickers: writes the day in the current style, reads either style; blank is no day. */
    public StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return date(day);
            }

            @Override
            public LocalDate fromString(String text) {
                return text == null || text.isBlank() ? null : parse(text);
            }
        };
    }

    private static String wareki(LocalDate day) {
        JapaneseDate jd;
        try {
            jd = JapaneseDate.from(day);
        } catch (DateTimeException beforeMeiji6) {
            // The Japanese calendar in java.time starts with Meiji 6 (1873); earlier days stay 西暦.
            return null;
        }
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return eraName(jd.getEra()) + (year == 1 ? "元" : Integer.toString(year)) + "年" + day.getMonthValue() + "月"
                + day.getDayOfMonth() + "日";
    }

    private static String warekiRomaji(LocalDate day) {
        JapaneseDate jd;
        try {
            jd = JapaneseDate.from(day);
        } catch (DateTimeException beforeMeiji6) {
            return null;
        }
        String known = ERA_ROMAJI.get(jd.getEra());
        String era = known != null ? known : jd.getEra().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return era + " " + jd.get(ChronoField.YEAR_OF_ERA) + "/" + day.getMonthValue() + "/" + day.getDayOfMonth();
    }

    private static JapaneseEra eraRomaji(String name) {
        for (JapaneseEra e : JapaneseEra.values()) {
            String known = ERA_ROMAJI.get(e);
            if ((known != null ? known : e.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    private static String eraName(JapaneseEra era) {
        String known = ERA_NAMES.get(era);
        return known != null ? known : era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
    }

    private static JapaneseEra era(String name) {
        for (JapaneseEra e : JapaneseEra.values()) {
            if (eraName(e).equals(name)) {
                return e;
            }
        }
        return null;
    }
}
