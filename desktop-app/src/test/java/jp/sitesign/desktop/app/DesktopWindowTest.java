package jp.sitesign.desktop.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import jp.sitesign.desktop.ui.UiFont;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Without a display the window explains itself in Japanese and English and fails with its own code. */
class DesktopWindowTest {

    @Test
    void withoutADisplayOnLinuxItSaysSoInBothLanguagesAndExitsWithTheNoDisplayCode() {
        StringWriter err = new StringWriter();

        int code = DesktopWindow.open(new String[0], Map.of("HOME", "/home/someone"), "Linux", null,
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(DesktopWindow.NO_DISPLAY).isNotZero();
        assertThat(err.toString())
                .contains("画面を表示できません", "DISPLAY", "--help")
                .contains("cannot open its window", "no display")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void x11WaylandWindowsMacAndTheHeadlessTestPlatformCountAsADisplay() {
        assertThat(DisplayCheck.displayAvailable("Linux", Map.of("DISPLAY", ":0"), null)).isTrue();
        assertThat(DisplayCheck.displayAvailable("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isTrue();
        assertThat(DisplayCheck.displayAvailable("Windows 11", Map.of(), null)).isTrue();
        assertThat(DisplayCheck.displayAvailable("Mac OS X", Map.of(), null)).isTrue();
        assertThat(DisplayCheck.displayAvailable("Linux", Map.of(), "Monocle")).isTrue();
        assertThat(DisplayCheck.displayAvailable("Linux", Map.of("DISPLAY", " "), null)).isFalse();
        assertThat(DisplayCheck.displayAvailable("FreeBSD", Map.of(), null)).isFalse();
    }

    @Test
    void theUiFontIsOneThatDrawsJapaneseWhenInstalled() {
        assertThat(UiFont.family(java.util.List.of("DejaVu Sans", "IPAGothic", "IPAPGothic"))).isEqualTo("IPAPGothic");
        assertThat(UiFont.family(java.util.List.of("Meiryo", "IPAGothic"))).isEqualTo("Meiryo");
        assertThat(UiFont.family(java.util.List.of("DejaVu Sans"))).isEqualTo("System");
    }
}
