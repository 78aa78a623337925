package jp.sitesign.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshot tool (scripts/screenshots.sh) on headless Monocle for a few screens, so a change that
 * breaks the way to a screen breaks a test: against the demo server it reaches the login, the contract list
 * with the demo contracts and the signing dialog with the seal placed, and writes pictures that show
 * something (many colours, not an empty window).
 */
class ScreenshotsIT {
    private static final List<String> SUBSET = List.of("login-ja", "contracts-ja", "signing-ja");

    @Test
    void theToolReachesTheLoginTheDemoContractListAndTheSigningDialogAndWritesPicturesWithContent(@TempDir Path out)
            throws Exception {
        Fx.startToolkit();
        List<Path> written = Screenshots.take(out, Set.copyOf(SUBSET));

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("login-ja.png", "contracts-ja.png", "signing-ja.png");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("only what was asked for")
                    .containsExactlyInAnyOrder("login-ja.png", "contracts-ja.png", "signing-ja.png");
        }
        for (Path png : written) {
            assertThat(Files.size(png)).as("%s has a picture", png).isGreaterThan(10_000);
            assertThat(Screenshots.distinctColours(png)).as("%s is not blank", png).isGreaterThan(64);
        }
        assertThat(Files.size(out.resolve("contracts-ja.png"))).as("the list with ten demo contracts draws more than"
                + " the login form").isGreaterThan(Files.size(out.resolve("login-ja.png")));
    }

    @Test
    void anUnknownScreenNameIsRefusedBeforeAnythingStarts(@TempDir Path out) {
        assertThatThrownBy(() -> Screenshots.take(out, Set.of("contracts-ja", "dashboard-ja")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dashboard-ja");
    }
}
