package jp.sitesign.desktop.ui;

import java.util.Collection;
import java.util.List;

/**
 * The UI font family: the first installed of fonts known to draw Japanese well on each OS (IPA P Gothic, the
 * proportional face of the IPA Gothic package FACTS.md installs, on Linux). With none of them, JavaFX's "System" font, which reaches
 * Japanese glyphs through the OS's font fallback.
 */
public final class UiFont {
    static final List<String> PREFERRED = List.of(
            "Yu Gothic UI", "Meiryo UI", "Meiryo",            // Windows
            "Hiragino Sans", "Hiragino Kaku Gothic ProN",     // macOS
            "IPAPGothic", "Noto Sans CJK JP", "IPAGothic"); // Linux: proportional before fixed-width

    private UiFont() {
    }

    public static String family(Collection<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst().orElse("System");
    }
}
