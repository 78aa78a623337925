package jp.sitesign.model.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server says about desktop app versions (its configuration {@code client.min-version},
 * {@code client.latest-version}, {@code client.download-url}; each may be empty), and the one judgement of an app's
 * own version against them, made here so the server and the app cannot disagree. An older app is told, never
 * stopped: the notice says how to update (ADR 20).
 */
public record ClientVersions(String minimum, String latest, String downloadUrl) {
    /** Where an app stands. */
    public enum Verdict {
        /** At or above the latest (or nothing is configured, or the app's version is unknown). */
        CURRENT,
        /** A newer version exists; this one is still supported. */
        UPDATE_AVAILABLE,
        /** Below the minimum the server supports. */
        TOO_OLD
    }

    @JsonCreator
    public ClientVersions(@JsonProperty("minimum") String minimum, @JsonProperty("latest") String latest,
            @JsonProperty("downloadUrl") String downloadUrl) {
        this.minimum = blankToEmpty(minimum);
        this.latest = blankToEmpty(latest);
        this.downloadUrl = blankToEmpty(downloadUrl);
        if (!this.minimum.isEmpty()) {
            parse(this.minimum);
        }
        if (!this.latest.isEmpty()) {
            parse(this.latest);
        }
    }

    /** Judges {@code appVersion} (e.g. {@code 0.1.0}, {@code 1.2.0-SNAPSHOT}); an unreadable or missing one is CURRENT. */
    public Verdict judge(String appVersion) {
        if (appVersion == null || !readable(appVersion)) {
            return Verdict.CURRENT;
        }
        if (!minimum.isEmpty() && compare(appVersion, minimum) < 0) {
            return Verdict.TOO_OLD;
        }
        if (!latest.isEmpty() && compare(appVersion, latest) < 0) {
            return Verdict.UPDATE_AVAILABLE;
        }
        return Verdict.CURRENT;
    }

    /**
     * Orders versions: dot-separated numbers compared as numbers (missing ones count as 0, so 1.2 = 1.2.0), and a
     * version with a qualifier ({@code -SNAPSHOT}, {@code -rc1}) before the same numbers without one.
     */
    public static int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        for (int i = 0; i < Math.max(x.numbers.size(), y.numbers.size()); i++) {
            int c = Long.compare(i < x.numbers.size() ? x.numbers.get(i) : 0, i < y.numbers.size() ? y.numbers.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(!x.qualified, !y.qualified);
    }

    /** True when {@code version} is dot-separated numbers with an optional {@code -qualifier}. */
    public static boolean readable(String version) {
        try {
            parse(version);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Parsed(List<Long> numbers, boolean qualified) {
    }

    private static Parsed parse(String version) {
        Objects.requireNonNull(version, "version");
        String v = version.strip();
        int dash = v.indexOf('-');
        String numbers = dash < 0 ? v : v.substring(0, dash);
        if (!numbers.matches("\\d{1,9}(\\.\\d{1,9})*")) {
            throw new IllegalArgumentException("not a version: \"" + version + "\" (expected numbers like 1.2.0)");
        }
        List<Long> parsed = new ArrayList<>();
        for (String n : numbers.split("\\.")) {
            parsed.add(Long.parseLong(n));
        }
        return new Parsed(parsed, dash >= 0);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
