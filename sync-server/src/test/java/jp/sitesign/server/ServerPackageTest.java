package jp.sitesign.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd unit the server package installs: systemd's own checker accepts it, and it keeps the hardening
 * issue 12 asks for. {@code systemd-analyze verify} also checks that ExecStart is executable, so the unit is
 * checked with its path pointing at the package's launcher in the source tree.
 */
class ServerPackageTest {
    private static final Path UNIT = Path.of("src/dist/systemd/sitesign-server.service");
    private static final Path LAUNCHER = Path.of("src/dist/bin/sitesign-server");
    private static final String INSTALLED = "/opt/sitesign-server/bin/sitesign-server";

    @Test
    void systemdAnalyzeVerifiesTheUnit(@TempDir Path dir) throws Exception {
        String unit = Files.readString(UNIT, StandardCharsets.UTF_8);
        assertThat(unit).contains("ExecStart=" + INSTALLED + " serve");
        Path copy = dir.resolve("sitesign-server.service");
        Files.writeString(copy, unit.replace(INSTALLED, LAUNCHER.toAbsolutePath().toString()), StandardCharsets.UTF_8);

        Result r = run("systemd-analyze", "verify", copy.toString());

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("no warnings either").isBlank();
        assertThat(run("systemd-analyze", "verify", UNIT.toAbsolutePath().toString()).output())
                .as("the checker does look at ExecStart").contains(INSTALLED);
    }

    @Test
    void theUnitRunsAsItsOwnUserWritingOnlyTheDataFolder() throws IOException {
        assertThat(Files.readAllLines(UNIT, StandardCharsets.UTF_8)).contains("User=sitesign", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/sitesign", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes",
                "CapabilityBoundingSet=");
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
