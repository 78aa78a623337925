package jp.sitesign.server.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import jp.sitesign.model.user.UserId;

/**
 * Parses query and path parameters with errors that name the parameter (Jersey's own conversion
 * failures would surface as a bare 404).
 */
public final class Params {
    public static final int MAX_LIMIT = 500;

    private Params() {
    }

    public static int offset(String value) {
        return number("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    public static int limit(String value) {
        return number("limit", value, 50, 1, MAX_LIMIT);
    }

    public static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw HttpMessage.PARAMETER_NOT_IN_RANGE.exception(name, min, max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpMessage.PARAMETER_NOT_IN_RANGE.exception(name, min, max);
        }
    }

    public static UserId userId(String name, String value) {
        return UserId.parse(name, value);
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpMessage.PARAMETER_NOT_LISTED.exception(name, names(type));
        }
    }

    /**
     * A comma-separated list of {@code type}'s names ({@code status=DRAFT,RETURNED}), as a set; empty when the
     * parameter is missing or blank. Every name must be one of the type's; an empty item ({@code A,,B}) is refused
     * as it is no name.
     */
    public static <E extends Enum<E>> Set<E> enumValues(String name, String value, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String item : value.split(",", -1)) {
            if (item.isBlank()) {
                throw HttpMessage.PARAMETER_NOT_LISTED.exception(name, names(type));
            }
            values.add(enumValue(name, item, type));
        }
        return values;
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw HttpMessage.PARAMETER_NOT_A_DATE.exception(name);
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.name());
        }
        return sb.toString();
    }
}
