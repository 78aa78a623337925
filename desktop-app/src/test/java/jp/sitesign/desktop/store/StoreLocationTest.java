package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where stores live: the OS's application-data folder, overridable, one folder per server and user. */
class StoreLocationTest {
    @Test
    void eachOsHasItsApplicationDataFolder() {
        assertThat(DataHome.resolve(null, Map.of("APPDATA", "C:\\Users\\u\\AppData\\Roaming"), "Windows 11", "C:\\Users\\u"))
                .isEqualTo(Path.of("C:\\Users\\u\\AppData\\Roaming", "SiteSign"));
        assertThat(DataHome.resolve(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/SiteSign"));
        assertThat(DataHome.resolve(null, Map.of("XDG_DATA_HOME", "/data/u"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/data/u/sitesign"));
        assertThat(DataHome.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/sitesign"));
    }

    @Test
    void thePropertyOrTheEnvironmentOverridesTheOsFolder() {
        assertThat(DataHome.resolve("/tmp/a", Map.of(DataHome.ENV, "/tmp/b"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/tmp/a"));
        assertThat(DataHome.resolve(" ", Map.of(DataHome.ENV, "/tmp/b"), "Linux", "/home/u")).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void oneFolderPerServerAndUserWhateverTheUrlSpelling() {
        Path home = Path.of("/data");
        StoreLocation a = StoreLocation.of(home, "https://SiteSign.example.jp:8443/", "U00000001");

        assertThat(StoreLocation.of(home, "https://sitesign.example.jp:8443", "U00000001")).isEqualTo(a);
        assertThat(StoreLocation.of(home, "https://sitesign.example.jp:9443", "U00000001").folder())
                .isNotEqualTo(a.folder());
        assertThat(StoreLocation.of(home, "https://sitesign.example.jp:8443", "U00000002").folder())
                .isNotEqualTo(a.folder());
        assertThat(a.folder().toString()).doesNotContain("example").startsWith("/data/stores/");
        assertThat(a.serverKey()).hasSize(16);
    }

    @Test
    void aUserIdCannotReachOutsideTheDataFolder() {
        assertThatThrownBy(() -> StoreLocation.of(Path.of("/data"), "https://s.example", "../../etc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
