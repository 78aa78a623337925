package jp.sitesign.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the server's Debian package (issue 12): the same files as {@code sitesign-server-<version>.tar.gz}
 * (launcher, server jar, sample settings, systemd unit) under {@code /opt/sitesign-server}, with a jlink runtime of
 * its own so the package needs no Java from the distribution, the unit in {@code /lib/systemd/system}, and
 * maintainer scripts that create the {@code sitesign} user and its data folder. Built with {@code dpkg-deb
 * --root-owner-group}, so no fakeroot is needed. Removing or purging the package never deletes the data folder.
 */
public final class ServerPackageBuild {
    public static final String PACKAGE_NAME = "sitesign-server";
    public static final String INSTALL_DIR = "/opt/" + PACKAGE_NAME;
    public static final String UNIT_PATH = "/lib/systemd/system/sitesign-server.service";
    public static final String DATA_DIR = "/var/lib/sitesign";
    public static final String USER = "sitesign";
    /**
     * The whole Java SE platform rather than what jdeps finds in the shaded jar: the server reaches JDBC drivers,
     * JNDI, JMX and XML through service loading and reflection, which jdeps cannot see, and a missing module would
     * surface only on the path that needs it. Plus what nothing names statically: the PKCS#11 and EC providers
     * (HSM-held keys, TLS), Japanese locale data (JST dates in logs and certificates) and the unsupported and zip
     * file-system modules some libraries reach for.
     */
    static final List<String> MODULES = List.of("java.se", "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.localedata",
            "jdk.unsupported", "jdk.zipfs", "jdk.management", "jdk.naming.dns");
    private static final String SCRIPTS = "server-deb/";

    /** What the build reads: the shaded server jar, {@code sync-server/src/dist}, the Maven version. */
    public record Inputs(Path serverJar, Path distDir, String version) {
    }

    private final Inputs inputs;
    private final Path work;
    private final PrintWriter log;

    public ServerPackageBuild(Inputs inputs, Path work, PrintWriter log) {
        this.inputs = inputs;
        this.work = work;
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        if (InstallerBuild.Platform.current() != InstallerBuild.Platform.LINUX) {
            System.out.println("SiteSign server package: skipped (the .deb is built on Linux; elsewhere use the tarball)");
            return;
        }
        Map<String, String> options = InstallerBuild.options(args);
        Path work = Path.of(InstallerBuild.required(options, "--work"));
        InstallerBuild.deleteRecursively(work);
        ServerPackageBuild build = new ServerPackageBuild(new Inputs(Path.of(InstallerBuild.required(options, "--server-jar")),
                Path.of(InstallerBuild.required(options, "--dist-dir")), InstallerBuild.required(options, "--version")), work,
                new PrintWriter(System.out, true));
        System.out.println("SiteSign server package: " + build.deb(Path.of(InstallerBuild.required(options, "--dest"))));
    }

    /** The package in {@code dest}, named as Debian names packages. */
    public Path deb(Path dest) throws IOException {
        Path root = tree();
        Files.createDirectories(dest);
        Path deb = dest.resolve(PACKAGE_NAME + "_" + debianVersion(inputs.version()) + "_" + architecture() + ".deb");
        Files.deleteIfExists(deb);
        command("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString());
        return deb;
    }

    /** The package's file tree with its DEBIAN control folder (made once per work folder). */
    public Path tree() throws IOException {
        Path root = work.resolve("root");
        if (Files.exists(root.resolve("DEBIAN/control"))) {
            return root;
        }
        Path app = root.resolve(INSTALL_DIR.substring(1));
        Files.createDirectories(app.resolve("lib"));
        Files.copy(inputs.serverJar(), app.resolve("lib/sitesign-server.jar"));
        copyTree(inputs.distDir().resolve("bin"), app.resolve("bin"));
        Files.copy(inputs.distDir().resolve("sitesign.properties.sample"), app.resolve("sitesign.properties.sample"));
        Path unit = root.resolve(UNIT_PATH.substring(1));
        Files.createDirectories(unit.getParent());
        Files.copy(inputs.distDir().resolve("systemd/sitesign-server.service"), unit);
        runtime(app.resolve("runtime"));

        Path control = root.resolve("DEBIAN");
        Files.createDirectories(control);
        Files.writeString(control.resolve("control"), resource("control")
                .replace("${version}", debianVersion(inputs.version()))
                .replace("${architecture}", architecture())
                .replace("${installedSize}", Long.toString(kibibytes(root))), StandardCharsets.UTF_8);
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            Files.writeString(file, resource(script), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root;
    }

    private void runtime(Path runtime) {
        log.println("SiteSign server package: runtime modules " + MODULES);
        InstallerBuild.runTool("jlink", "--module-path", Path.of(System.getProperty("java.home"), "jmods").toString(),
                "--add-modules", String.join(",", MODULES), "--include-locales=en,ja", "--strip-debug",
                "--no-header-files", "--no-man-pages", "--compress=2", "--generate-cds-archive",
                "--output", runtime.toString());
    }

    /**
     * Maven's {@code 0.1.0-SNAPSHOT} as Debian orders versions: {@code 0.1.0~SNAPSHOT}, which sorts before the
     * release {@code 0.1.0}, so installing the release upgrades a snapshot.
     */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~');
    }

    /** dpkg's name for this machine's architecture (amd64, arm64): the runtime inside is native code. */
    static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    private static long kibibytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return (bytes + 1023) / 1024;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                    // The tarball's assembly gives bin/ 0755; the package keeps the same modes.
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ServerPackageBuild.class.getResourceAsStream(SCRIPTS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPTS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void command(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", line), e);
        }
        log.print(out);
    }
}
