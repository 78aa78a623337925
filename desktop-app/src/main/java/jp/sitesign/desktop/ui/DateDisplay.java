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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** The eras' names written out, so 和暦 does not depend on the JDK's locale data being installed. */
    private static final Map<JapaneseEra, String> ERA_NAMES = Map.of(JapaneseEra.MEIJI, "明治",
            JapaneseEra.TAISHO, "大正", JapaneseEra.SHOWA, "昭和", JapaneseEra.HEISEI, "平成", JapaneseEra.REIWA, "令和");
    /** The eras in romaji for the English window, without macrons (Taisho, Showa) as forms usually write them. */
    private static final Map<JapaneseEra, String> ERA_ROMAJI = Map.of(JapaneseEra.MEIJI, "Meiji",
            JapaneseEra.TAISHO, "Taisho", JapaneseEra.SHOWA, "Showa", JapaneseEra.HEISEI, "Heisei",
            JapaneseEra.REIWA, "Reiwa");

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

    /**
     * The JST day and time to the minute, e.g. {@code 2026/11/26 09:05} or {@code 令和8年11月26日 09:05}. Every time on
     * screen is Japan time, so the offset is not written (exports such as CSV keep it).
     */
    public String dateTime(Instant instant) {
        return at(instant, TIME);
    }

    /** As {@link #dateTime} to the second, e.g. {@code 2026/11/26 09:05:09}, for the audit log. */
    public String dateTimeSeconds(Instant instant) {
        return at(instant, TIME_SECONDS);
    }

    private String at(Instant instant, DateTimeFormatter time) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime jst = instant.atZone(JapanTime.ZONE);
        return date(jst.toLocalDate()) + " " + time.format(jst);
    }

    /**
     * A day as people type it, in either style ({@link DateInput}, the one reader of typed dates): {@code 2026/4/1},
     * {@code 2026-11-26}, {@code 令和8年11月26日}, {@code 令和元年5月1日}, {@code R8.11.26}, {@code Reiwa 8/11/26}. A 和暦
     * date outside its era (平成32年) is refused.
     *
     * @throws DateTimeParseException when the text is no such day
     */
    public static LocalDate parse(String text) {
        return DateInput.parse(text);
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

    private static String eraName(JapaneseEra era) {
        String known = ERA_NAMES.get(era);
        return known != null ? known : era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
    }
}
