package jp.sitesign.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users' column layouts and the window's place are kept in settings.properties with the other settings. */
class LayoutSettingsFileTest {
    @TempDir
    Path home;

    @Test
    void columnLayoutsPerUserAndTheWindowsPlaceAreSavedAndLoaded() {
        SettingsFile file = new SettingsFile(home);
        Settings settings = new Settings();
        settings.columnLayouts().put(Settings.layoutKey("U00000001", "contracts"), "titleColumn:200:1,statusColumn:90:0");
        settings.columnLayouts().put(Settings.layoutKey("U00000002", "contracts"), "statusColumn:100:1");
        settings.windowPlacementProperty().set("0,0,1366,768;0,0,1280,728;1");

        file.save(settings);
        Settings loaded = file.load();

        assertThat(loaded.columnLayouts()).containsExactlyInAnyOrderEntriesOf(settings.columnLayouts());
        assertThat(loaded.windowPlacementProperty().get()).isEqualTo("0,0,1366,768;0,0,1280,728;1");
        assertThat(new UserColumns(loaded, file, "U00000001").load("contracts"))
                .contains("titleColumn:200:1,statusColumn:90:0");
        assertThat(new UserColumns(loaded, file, "U00000003").load("contracts")).isEmpty();
    }
}
