package jp.sitesign.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Linux installer end to end: the .deb built by {@link InstallerBuild} (runtime made once), installed with
 * {@code dpkg -i} when the tests run as root (CI) and otherwise unpacked with {@code dpkg-deb -x} into a
 * temporary root; its launcher opens the first-run window under Xvfb with an empty home folder (a screenshot
 * with content), taking the app's classes from the class-data-sharing archive postinst made for the installed path;
 * its own runtime signs with SoftHSM2 (so SunPKCS11 is in it); removing the package leaves
 * nothing under /opt or /usr. Prints the figures BENCHMARKS.md records ("BENCH" lines).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledDebIT {
    private static final Path WORK = Path.of("target", "it-installer").toAbsolutePath();
    private static Path deb;
    /** The folder the package's /opt/sitesign is in: / after dpkg -i, the unpacked root otherwise. */
    private static Path root;
    private static boolean dpkgInstalled;
    private static List<String> packageFiles;

    @BeforeAll
    static void buildAndInstall() throws IOException {
        assumeTrue(InstallerBuild.Platform.current() == InstallerBuild.Platform.LINUX, "the .deb is built on Linux");
        for (String[] tool : new String[][] {{"dpkg-deb", "dpkg"}, {"fakeroot", "fakeroot"}, {"Xvfb", "xvfb"},
                {"xwininfo", "x11-utils"}}) {
            if (!DebTools.onPath(tool[0])) {
                fail("%s is missing: apt-get install -y %s (./sitesign test installs it)", tool[0], tool[1]);
            }
        }
        InstallerBuild.deleteRecursively(WORK);
        InstallerBuild build = new InstallerBuild(new InstallerBuild.Inputs(
                Path.of(System.getProperty("installer.desktopJar")), Path.of(System.getProperty("installer.javafxDir")),
                Path.of(System.getProperty("installer.jvmOptions")), System.getProperty("installer.version"), null),
                WORK, new PrintWriter(System.out, true));
        deb = build.jpackage("deb", WORK.resolve("out"));
        assertThat(deb.getFileName().toString()).endsWith(".deb");
        packageFiles = List.of(run(List.of("dpkg-deb", "-c", deb.toString())).split("\n"));
        if (DebTools.asRoot() && !run(List.of("dpkg-query", "-W", "-f=${Status}", InstallerBuild.PACKAGE_NAME), true)
                .contains("installed")) {
            run(List.of("dpkg", "-i", deb.toString()));
            dpkgInstalled = true;
            root = Path.of("/");
        } else {
            root = WORK.resolve("root");
            run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
            // What postinst does on the installed machine, here for the unpacked path.
            run(List.of("sh", app().resolve("lib/app/" + InstallerBuild.CDS_SCRIPT).toString(), "make"));
        }
        System.out.printf("BENCH installer (.deb, test build, gzip -1): %.1f MB; installed: %.1f MB%n",
                Files.size(deb) / 1e6, treeSize(app()) / 1e6);
    }

    @AfterAll
    static void removeIfStillInstalled() {
        if (dpkgInstalled) {
            run(List.of("dpkg", "--purge", InstallerBuild.PACKAGE_NAME), true);
        }
    }

    @Test
    @Order(1)
    void thePackageHoldsTheLauncherAndARuntimeWithTokensJavaFxAndTheAppsJvmOptions() throws IOException {
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"))).contains("libgtk-3-0");
        assertThat(app().resolve("bin/SiteSign")).isExecutable();
        String release = Files.readString(app().resolve("lib/runtime/release"));
        assertThat(release).contains("jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.localedata", "javafx.controls",
                "javafx.fxml", "java.sql").doesNotContain("jdk.compiler");
        assertThat(app().resolve("lib/runtime/lib/server/classes.jsa")).as("the runtime's CDS archive").isNotEmptyFile();
        String cfg = Files.readString(app().resolve("lib/app/SiteSign.cfg"));
        assertThat(cfg).contains("java-options=-Xmx512m", "java-options=-XX:G1PeriodicGCInterval=30000",
                "java-options=--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");
        assertThat(app().resolve("lib/SiteSign.png")).isNotEmptyFile();
        // The build recorded a start under Xvfb; the archive was made from it for the installed path.
        assertThat(Files.readString(app().resolve("lib/app/" + InstallerBuild.CLASS_LIST)))
                .contains("jp/sitesign/desktop/app/SiteSignApp", "FirstRunView", "javafx/scene/control/Button");
        assertThat(app().resolve("lib/app/sitesign.jsa")).isNotEmptyFile();
        assertThat(cfg).contains("java-options=-XX:SharedArchiveFile=$APPDIR/sitesign.jsa");
        // The version the About box shows is the one the package carries.
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(app().resolve("lib/app/sitesign-desktop.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isEqualTo(System.getProperty("installer.version"));
            assertThat(jar.getEntry("javafx/scene/Node.class")).as("JavaFX is in the runtime, not the jar").isNull();
        }
        // Everything the package installs is under /opt/sitesign (its menu entry is made from there by postinst).
        assertThat(packageFiles).allSatisfy(line -> assertThat(line).containsPattern("\\./(opt/(sitesign(/.*)?)?)?$"));
    }

    @Test
    @Order(2)
    void theLauncherTakesTheAppsClassesFromTheArchiveMadeAtTheInstalledPath() throws IOException {
        Path log = WORK.resolve("class-load.log");
        ProcessBuilder version = new ProcessBuilder(app().resolve("bin/SiteSign").toString(), "--version")
                .redirectErrorStream(true);
        version.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        Process process = version.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waitFor(process)).as(output).isZero();
        assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line)
                .contains("jp.sitesign.desktop.Launcher source: shared objects file"));
    }

    @Test
    @Order(3)
    void theInstalledLauncherOpensTheFirstRunWindowWithAnEmptyHome() throws Exception {
        Path home = Files.createDirectories(WORK.resolve("home"));
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(WORK.resolve("xvfb.log").toFile()).start();
        Process app = null;
        try {
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().strip();
            ProcessBuilder launcher = new ProcessBuilder(app().resolve("bin/SiteSign").toString())
                    .redirectErrorStream(true).redirectOutput(WORK.resolve("app.log").toFile());
            Map<String, String> env = launcher.environment();
            env.clear();
            env.putAll(Map.of("PATH", "/usr/bin:/bin", "DISPLAY", display, "HOME", home.toString(),
                    "XDG_DATA_HOME", home.resolve(".local/share").toString(), "LANG", "C.UTF-8"));
            long started = System.nanoTime();
            app = launcher.start();
            int[] window = waitForWindow(display, app);
            System.out.printf("BENCH installed launcher start -> first window mapped: %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);

            BufferedImage shot = screenshotWithContent(display, window);
            ImageIO.write(shot, "png", WORK.resolve("first-run.png").toFile());
            assertThat(Files.readString(WORK.resolve("app.log"))).doesNotContain("Exception");
            // First run: no server confirmed in the (empty) data home yet.
            assertThat(home.resolve(".local/share/sitesign/server.properties")).doesNotExist();

            app.destroy();
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app ends when asked to").isTrue();
            assertThat(windows(display)).noneMatch(w -> w[2] >= 200);
        } finally {
            if (app != null) {
                app.destroyForcibly();
            }
            xvfb.destroy();
        }
    }

    @Test
    @Order(4)
    void theInstalledRuntimeSignsWithASoftHsmToken() throws IOException {
        SoftHsmToken.shared();
        Path in = WORK.resolve("to-sign.pdf");
        Files.write(in, TestPdfs.multiPage(1));
        Path out = WORK.resolve("signed");
        ProcessBuilder sign = new ProcessBuilder(app().resolve("bin/SiteSign").toString(), "sign", "--in", in.toString(),
                "--out-dir", out.toString(), "--pkcs11", SoftHsmToken.MODULE.toString(), "--token-label",
                SoftHsmToken.LABEL, "--pin-env", "TOKEN_PIN", "--key-alias", SoftHsmToken.RSA_ALIAS)
                .redirectErrorStream(true);
        sign.environment().put("TOKEN_PIN", SoftHsmToken.PIN);
        sign.environment().put("HOME", Files.createDirectories(WORK.resolve("sign-home")).toString());
        Process process = sign.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waitFor(process)).as(output).isZero();
        IndependentChecks.assertValid(out.resolve("to-sign.pdf"), 1);
    }

    @Test
    @Order(5)
    void removingThePackageLeavesNothingUnderOptOrUsr() throws IOException {
        assumeTrue(dpkgInstalled, "dpkg -i needs root; unpacked with dpkg-deb -x instead (nothing to remove)");
        List<String> installed = List.of(run(List.of("dpkg", "-L", InstallerBuild.PACKAGE_NAME)).split("\n"));
        assertThat(installed).contains("/opt/sitesign/bin/SiteSign");
        assertThat(Path.of("/opt/sitesign/lib/app/sitesign.jsa")).as("postinst made the archive; prerm must remove it")
                .isNotEmptyFile();
        Path menuEntry = Path.of("/usr/share/applications/sitesign-SiteSign.desktop");
        if (Files.isDirectory(Path.of("/etc/xdg/menus"))) {
            assertThat(menuEntry).as("postinst adds the menu entry where there is a desktop menu").exists();
        }

        run(List.of("dpkg", "--purge", InstallerBuild.PACKAGE_NAME));
        dpkgInstalled = false;

        assertThat(Path.of("/opt/sitesign")).doesNotExist();
        assertThat(menuEntry).doesNotExist();
        for (String file : installed) {
            if (file.startsWith("/opt/sitesign") || file.startsWith("/usr/share/applications/sitesign")) {
                assertThat(Path.of(file)).doesNotExist();
            }
        }
        try (Stream<Path> left = Stream.concat(Files.walk(Path.of("/opt"), 2),
                Files.walk(Path.of("/usr/share"), 3))) {
            assertThat(left.map(Path::toString).filter(p -> p.toLowerCase().contains("sitesign"))).isEmpty();
        }
    }

    /** Waits until the app maps a real window (not JavaFX's 10×10 helper); returns x, y, width, height. */
    private static int[] waitForWindow(String display, Process app) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (int[] w : windows(display)) {
                if (w[2] >= 200 && w[3] >= 200) {
                    return w;
                }
            }
            if (!app.isAlive()) {
                fail("the launcher ended (exit %d) before showing a window: %s", app.exitValue(), log("app.log"));
            }
            Thread.sleep(100);
        }
        return fail("no SiteSign window appeared within a minute: %s", log("app.log"));
    }

    /** The SiteSign windows on the display: x, y, width, height. */
    private static List<int[]> windows(String display) {
        String tree = run(List.of("xwininfo", "-root", "-tree", "-display", display));
        Matcher m = Pattern.compile("\"SiteSign[^\"]*\":.*?(\\d+)x(\\d+)\\+(-?\\d+)\\+(-?\\d+)").matcher(tree);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        return found;
    }

    /**
     * A screenshot once the window shows content: inside it, text and controls give many distinct colours and a
     * good share of pixels unlike the background (an empty or black window has a handful). Retried while the first
     * frame is being drawn.
     */
    private static BufferedImage screenshotWithContent(String display, int[] w) throws Exception {
        BufferedImage shot = null;
        int colours = 0;
        double unlike = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            shot = grab(display);
            Set<Integer> seen = new HashSet<>();
            int background = shot.getRGB(w[0] + 2, w[1] + w[3] / 2);
            int differ = 0;
            int total = 0;
            for (int y = w[1]; y < Math.min(shot.getHeight(), w[1] + w[3]); y++) {
                for (int x = w[0]; x < Math.min(shot.getWidth(), w[0] + w[2]); x++) {
                    int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                    seen.add(rgb);
                    differ += rgb == (background & 0xFFFFFF) ? 0 : 1;
                    total++;
                }
            }
            colours = seen.size();
            unlike = differ / (double) total;
            if (colours >= 40 && unlike >= 0.05) {
                return shot;
            }
            Thread.sleep(500);
        }
        ImageIO.write(shot, "png", WORK.resolve("first-run-empty.png").toFile());
        return fail("the window stayed empty: %d colours, %.1f %% unlike its background", colours, unlike * 100);
    }

    private static BufferedImage grab(String display) throws Exception {
        Path png = WORK.resolve("grab.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder grab = new ProcessBuilder(java, "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                ScreenGrab.class.getName(), png.toString()).redirectErrorStream(true);
        grab.environment().put("DISPLAY", display);
        Process process = grab.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waitFor(process)).as(output).isZero();
        return ImageIO.read(png.toFile());
    }

    private static Path app() {
        return root.resolve("opt/sitesign");
    }

    private static String run(List<String> command) {
        return run(command, false);
    }

    private static String run(List<String> command, boolean mayFail) {
        return DebTools.run(command, mayFail);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String log(String name) {
        try {
            return Files.readString(WORK.resolve(name));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
