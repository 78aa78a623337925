package jp.sitesign.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./sitesign demo names its credentials file; anything else is not the demo. */
class DemoLoginsTest {
    @TempDir
    Path dir;

    @Test
    void theDemoIsRecognisedByTheCredentialsFileTheScriptNames() throws Exception {
        Path file = Files.writeString(dir.resolve("demo-credentials.txt"), "DEMO 発注者 …");
        assertThat(DemoLogins.find(Map.of(DemoLogins.VARIABLE, file.toString()))).contains(file.toAbsolutePath());
    }

    @Test
    void withoutTheVariableOrWithAMissingFileItIsNotTheDemo() {
        assertThat(DemoLogins.find(Map.of())).isEmpty();
        assertThat(DemoLogins.find(Map.of(DemoLogins.VARIABLE, " "))).isEmpty();
        assertThat(DemoLogins.find(Map.of(DemoLogins.VARIABLE, dir.resolve("gone.txt").toString()))).isEmpty();
    }
}
