package jp.sitesign.desktop.ui;

/** How the app writes calendar dates: 西暦 (2026/11/26) or 和暦 (令和8年11月26日). */
public enum DateStyle {
    SEIREKI,
    WAREKI;

    /** The style for a stored code ({@code SEIREKI}, {@code WAREKI}); unknown codes are refused. */
    public static DateStyle fromCode(String code) {
        for (DateStyle s : values()) {
            if (s.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown date style: " + code);
    }
}
