package jp.sitesign.model.signature.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the command-line tools the tests rely on (pdfsig, pdftoppm, pdffonts, pdftotext, qpdf, openssl, softhsm2-util, pkcs11-tool).
 * A missing tool fails the test with the apt-get line that installs it — never a skip.
 */
public final class ExternalTools {
    private static final Map<String, String> PACKAGES = Map.of(
            "pdfsig", "poppler-utils",
            "pdftoppm", "poppler-utils",
            "pdffonts", "poppler-utils",
            "pdftotext", "poppler-utils",
            "qpdf", "qpdf",
            "openssl", "openssl",
            "softhsm2-util", "softhsm2",
            "pkcs11-tool", "opensc");

    private ExternalTools() {
    }

    /** Exit code and the combined stdout and stderr of a finished command. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> command) {
        return run(command, Map.of());
    }

    public static Result run(List<String> command, Map<String, String> environment) {
        requireTool(command.get(0));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs a command that must succeed and returns its output. */
    public static String runOk(List<String> command, Map<String, String> environment) {
        Result result = run(command, environment);
        if (result.exitCode() != 0) {
            fail("%s exited with %d:%n%s", command, result.exitCode(), result.output());
        }
        return result.output();
    }

    private static void requireTool(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail("%s is not installed; install it with: apt-get install -y %s", tool, PACKAGES.getOrDefault(tool, tool));
    }
}
