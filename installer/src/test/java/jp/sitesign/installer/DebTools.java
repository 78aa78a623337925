package jp.sitesign.installer;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.sitesign.model.signature.testing.ExternalTools;

/** What the package tests share: running dpkg and friends, and whether this run may install with dpkg -i. */
final class DebTools {
    private DebTools() {
    }

    /** The command's output; a failure ends the test unless {@code mayFail}. */
    static String run(List<String> command, boolean mayFail) {
        ExternalTools.Result result = ExternalTools.run(command);
        if (!mayFail && result.exitCode() != 0) {
            fail("%s exited with %d:%n%s", command, result.exitCode(), result.output());
        }
        return result.output();
    }

    /** As root (CI) packages are installed for real; SITESIGN_TEST_DPKG_INSTALL=no unpacks them instead. */
    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name")) && onPath("dpkg")
                && !"no".equals(System.getenv("SITESIGN_TEST_DPKG_INSTALL"));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
