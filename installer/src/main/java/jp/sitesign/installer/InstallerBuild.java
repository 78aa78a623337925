package jp.sitesign.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds the desktop app's installers with the JDK's own tools, run in-process (ADR 20): the shaded desktop jar
 * without its JavaFX copy, a jlink runtime with the JDK modules {@code jdeps} finds plus the ones nothing names
 * statically ({@link #EXTRA_MODULES}) and JavaFX's modules from its platform jars, a generated icon, then
 * {@code jpackage} once per installer type. Every step's result is a folder under the work folder, so a test
 * builds the runtime once and packages from it.
 */
public final class InstallerBuild {
    public static final String NAME = "SiteSign";
    public static final String PACKAGE_NAME = "sitesign";
    public static final String MAIN_CLASS = "jp.sitesign.desktop.Launcher";
    public static final String MAIN_JAR = "sitesign-desktop.jar";
    /** The preset file IT departments put beside the app's jar (read by the desktop app's EnterprisePreset). */
    public static final String PRESET_FILE = "sitesign-preset.properties";
    /**
     * Fixed for ever: Windows Installer upgrades an installed SiteSign in place only when the new .msi carries
     * the same upgrade code.
     */
    public static final String WINDOWS_UPGRADE_UUID = "6b1f3c8e-2d4a-4f6b-9c1e-5a7d3e9f0b24";
    public static final String MAC_BUNDLE_ID = "jp.sitesign.desktop";
    /** Where jpackage's .deb and .rpm install the app: {@code /opt/<package name>}. */
    public static final String LINUX_INSTALL_DIR = "/opt/" + PACKAGE_NAME;
    /** The classes a start of the app loads, recorded by the build (see {@link #classList}); shipped in {@code lib/app}. */
    public static final String CLASS_LIST = "sitesign.classlist";
    /** Turns {@link #CLASS_LIST} into the app's class-data-sharing archive on the installed machine (postinst). */
    public static final String CDS_SCRIPT = "sitesign-cds.sh";
    /**
     * Modules jdeps cannot see because nothing names them in bytecode: SunPKCS11 and the EC provider are found
     * by name through {@code java.security}; Japanese date and era texts come from jdk.localedata; the FXML
     * loader is reached by reflection; a jpackage launcher needs nothing else.
     */
    public static final List<String> EXTRA_MODULES = List.of("jdk.crypto.cryptoki", "jdk.crypto.ec",
            "jdk.localedata", "javafx.controls", "javafx.fxml");
    /** jvm.options plus what `java -jar` reads from the jar's manifest, which a jpackage launcher does not. */
    private static final long CLASS_LIST_RUN_MINUTES = 5;
    static final List<String> LAUNCHER_OPTIONS = List.of(
            "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");

    /** What the build reads. {@code preset} may be null. */
    public record Inputs(Path desktopJar, Path javafxDir, Path jvmOptions, String version, Path preset) {
    }

    private final Inputs inputs;
    private final Path work;
    private final PrintWriter log;

    public InstallerBuild(Inputs inputs, Path work, PrintWriter log) {
        this.inputs = inputs;
        this.work = work;
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path preset = blank(options.get("--preset")) ? null : Path.of(options.get("--preset"));
        Inputs inputs = new Inputs(Path.of(required(options, "--desktop-jar")), Path.of(required(options, "--javafx-dir")),
                Path.of(required(options, "--jvm-options")), required(options, "--version"), preset);
        PrintWriter log = new PrintWriter(System.out, true);
        // A fresh work folder: the runtime is made once per build, never kept from an older desktop jar.
        Path work = Path.of(required(options, "--work"));
        deleteRecursively(work);
        InstallerBuild build = new InstallerBuild(inputs, work, log);
        List<String> types = blank(options.get("--types")) ? Platform.current().defaultTypes()
                : Arrays.stream(options.get("--types").split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        Path dest = Path.of(required(options, "--dest"));
        for (String type : types) {
            log.println("SiteSign installer: " + build.jpackage(type, dest));
        }
    }

    /** The app folder jpackage copies to {@code lib/app}: the desktop jar without JavaFX, and the preset if given. */
    public Path appInput() throws IOException {
        Path input = work.resolve("input");
        Path jar = input.resolve(MAIN_JAR);
        if (Files.exists(jar)) {
            return input;
        }
        Files.createDirectories(input);
        Set<String> javafxEntries = new HashSet<>();
        for (Path module : javafxModuleJars()) {
            try (ZipFile zip = new ZipFile(module.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> !n.startsWith("META-INF/")).forEach(javafxEntries::add);
            }
        }
        Path partial = input.resolve(MAIN_JAR + ".part");
        int dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(inputs.desktopJar()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (javafxEntries.contains(entry.getName())) {
                    dropped++;
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (dropped == 0) {
            throw new IllegalStateException(inputs.desktopJar() + " holds no JavaFX classes: is it the shaded desktop jar?");
        }
        if (inputs.preset() != null) {
            Files.copy(inputs.preset(), input.resolve(PRESET_FILE));
        }
        Files.move(partial, jar);
        log.println("SiteSign installer: app jar without JavaFX (" + dropped + " entries dropped)");
        return input;
    }

    /** JavaFX's modular platform jars (the unclassified ones Maven also brings are empty and not modules). */
    public List<Path> javafxModuleJars() throws IOException {
        try (Stream<Path> jars = Files.list(inputs.javafxDir())) {
            List<Path> modules = new ArrayList<>();
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry("module-info.class") != null) {
                        modules.add(jar);
                    }
                }
            }
            if (modules.isEmpty()) {
                throw new IllegalStateException("no JavaFX module jars in " + inputs.javafxDir());
            }
            return modules;
        }
    }

    /** The modules the runtime holds: what jdeps finds in the app jar, plus {@link #EXTRA_MODULES}. */
    public List<String> modules() throws IOException {
        String found = run("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                "--module-path", modulePath(false), "--add-modules", "javafx.controls,javafx.fxml",
                appInput().resolve(MAIN_JAR).toString()).strip();
        Set<String> modules = new TreeSet<>(Arrays.asList(found.substring(found.lastIndexOf('\n') + 1).split(",")));
        modules.addAll(EXTRA_MODULES);
        return List.copyOf(modules);
    }

    /** The jlink runtime (made once per work folder). */
    public Path runtime() throws IOException {
        Path runtime = work.resolve("runtime");
        if (Files.exists(runtime.resolve("release"))) {
            return runtime;
        }
        List<String> modules = modules();
        log.println("SiteSign installer: runtime modules " + modules);
        // A CDS archive of the runtime's own classes (jlink runs its bin/java to make it, so the native commands stay):
        // without one a jlinked runtime loads every JDK class from scratch at each start.
        run("jlink", "--module-path", modulePath(true), "--add-modules", String.join(",", modules),
                "--include-locales=en,ja", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=2", "--generate-cds-archive", "--output", runtime.toString());
        // The second archive is for heaps over 32 GB (no compressed oops); jvm.options caps the heap at 512 MB.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
        return runtime;
    }

    /** The app icon in the three formats the platforms' packagers take. */
    public AppIcon.Written icons() throws IOException {
        return AppIcon.writeAll(work.resolve("icon"));
    }

    /** Builds one installer (deb, rpm, msi, exe, dmg, pkg, app-image) into {@code dest}; returns its path. */
    public Path jpackage(String type, Path dest) throws IOException {
        Files.createDirectories(dest);
        long started = System.currentTimeMillis() - 1000;
        Path resources = Platform.current() == Platform.LINUX ? linuxResources() : null;
        if (Platform.current() == Platform.LINUX && "deb".equals(type)) {
            classList();
        }
        run("jpackage", arguments(type, Platform.current(), dest, runtime(), appInput(), icons(), resources)
                .toArray(String[]::new));
        // What jpackage just wrote (a rebuild overwrites the file of the same name).
        for (Path p : listing(dest)) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(PACKAGE_NAME)
                    && Files.getLastModifiedTime(p).toMillis() >= started) {
                return p;
            }
        }
        return dest.resolve(NAME);
    }

    /**
     * Records the classes a start of the app loads ({@link #CLASS_LIST} and {@link #CDS_SCRIPT} in the app folder):
     * the app is started once on the new runtime, with an empty home, as a first start is, and ends itself once its
     * first window is laid out and the preview warmed up ({@code sitesign.exitAfterStart}). It needs a display: the
     * build's own, or Xvfb through {@code xvfb-run}. The .deb's postinst makes the class-data-sharing archive from the
     * list at the installed path, which saves about a third of the CPU a start takes (BENCHMARKS.md, "Installers").
     * Without a display the package has no list and the app starts without the archive; the build says so.
     */
    void classList() throws IOException {
        Path input = appInput();
        Path list = input.resolve(CLASS_LIST);
        if (Files.exists(list)) {
            return;
        }
        List<String> command = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (blank(display)) {
            if (!Platform.onPath("xvfb-run")) {
                log.println("SiteSign installer: no display and no xvfb-run, so no class list: the app will start without"
                        + " its class-data-sharing archive (apt-get install xvfb)");
                return;
            }
            command.addAll(List.of("xvfb-run", "--auto-servernum", "--server-args=-screen 0 1280x800x24 -nolisten tcp"));
        }
        Path home = Files.createDirectories(work.resolve("class-list-home"));
        Path partial = work.resolve(CLASS_LIST + ".part");
        command.add(runtime().resolve("bin/java").toString());
        command.addAll(javaOptions());
        command.addAll(List.of("-XX:DumpLoadedClassList=" + partial, "-D" + jp.sitesign.desktop.app.SiteSignApp.EXIT_AFTER_START + "=true",
                "-Duser.home=" + home, "-cp", input.resolve(MAIN_JAR).toString(), MAIN_CLASS));
        ProcessBuilder start = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("class-list.log").toFile());
        start.environment().put("HOME", home.toString());
        start.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        start.environment().remove("SITESIGN_DATA_HOME");
        Process app = start.start();
        boolean ended;
        try {
            ended = app.waitFor(CLASS_LIST_RUN_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the app's start was recorded");
        }
        if (!ended) {
            app.destroyForcibly();
        }
        if (!ended || app.exitValue() != 0 || !Files.exists(partial)
                || !Files.readString(partial).contains(MAIN_CLASS.replace('.', '/'))) {
            Files.deleteIfExists(partial);
            log.println("SiteSign installer: the app's recorded start failed (" + work.resolve("class-list.log")
                    + "), so no class list: the app will start without its class-data-sharing archive");
            return;
        }
        try (InputStream template = InstallerBuild.class.getResourceAsStream("linux/" + CDS_SCRIPT)) {
            String script = new String(template.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("@JAVA_OPTIONS@", javaOptions().stream().map(o -> "'" + o + "'").collect(Collectors.joining(" ")));
            Files.writeString(input.resolve(CDS_SCRIPT), script);
        }
        Files.move(partial, list);
        log.println("SiteSign installer: class list of a start (" + Files.readAllLines(list).size() + " lines)");
    }

    /** jpackage's arguments for one type on one platform, from the runtime, app folder and icons made before. */
    List<String> arguments(String type, Platform platform, Path dest, Path runtime, Path input, AppIcon.Written icons,
            Path linuxResources) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", type, "--dest", dest.toString(), "--name", NAME,
                "--app-version", appVersion(inputs.version()), "--vendor", "SiteSign",
                "--description", "建設業の電子契約 SiteSign (electronic contracts for construction)",
                "--copyright", "SiteSign", "--runtime-image", runtime.toString(),
                "--input", input.toString(), "--main-jar", MAIN_JAR, "--main-class", MAIN_CLASS));
        for (String option : javaOptions()) {
            args.add("--java-options");
            args.add(option);
        }
        switch (platform) {
            case LINUX -> {
                args.addAll(List.of("--icon", icons.png().toString(), "--linux-package-name", PACKAGE_NAME,
                        "--linux-app-category", "office", "--linux-menu-group", "Office", "--linux-shortcut",
                        "--linux-deb-maintainer", "support@sitesign.example", "--linux-rpm-license-type", "Proprietary",
                        "--resource-dir", linuxResources.toString()));
            }
            case WINDOWS -> {
                // Per-user: no administrator rights needed; the upgrade code makes a newer .msi replace an older one.
                args.addAll(List.of("--icon", icons.ico().toString(), "--win-per-user-install", "--win-menu",
                        "--win-menu-group", "SiteSign 電子契約", "--win-shortcut", "--win-dir-chooser",
                        "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
            }
            case MAC -> {
                args.addAll(List.of("--icon", icons.icns().toString(), "--mac-package-identifier", MAC_BUNDLE_ID,
                        "--mac-package-name", NAME));
                // Code signing when the build machine has a Developer ID (README "Installers"); notarisation follows
                // with xcrun notarytool on the .dmg.
                String identity = System.getenv("SITESIGN_MAC_SIGN_IDENTITY");
                if (!blank(identity)) {
                    args.addAll(List.of("--mac-sign", "--mac-signing-key-user-name", identity));
                    String keychain = System.getenv("SITESIGN_MAC_KEYCHAIN");
                    if (!blank(keychain)) {
                        args.addAll(List.of("--mac-signing-keychain", keychain));
                    }
                }
            }
        }
        return args;
    }

    /** desktop-app/jvm.options, one option a line, comments and blank lines skipped; then the launcher's own. */
    List<String> javaOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(inputs.jvmOptions())) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                options.add(option);
            }
        }
        options.addAll(LAUNCHER_OPTIONS);
        return options;
    }

    /** jpackage wants one to three numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    static String appVersion(String version) {
        String numbers = version.replaceAll("[^0-9.].*$", "").replaceAll("\\.+$", "");
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("version " + version + " does not start with a number");
        }
        String[] parts = numbers.split("\\.");
        return String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    /**
     * jpackage's .deb templates, changed: {@code control} adds GTK 3 to Depends (jpackage cannot see JavaFX's native
     * libraries inside its modules); {@code postinst} / {@code prerm} make the menu entry only where the system has a
     * desktop menu, so the package installs and removes cleanly on a machine without one, and make and remove the
     * class-data-sharing archive ({@link #CDS_SCRIPT}).
     */
    private Path linuxResources() throws IOException {
        Path dir = work.resolve("linux-resources");
        Files.createDirectories(dir);
        for (String name : List.of("control", "postinst", "prerm")) {
            try (InputStream template = InstallerBuild.class.getResourceAsStream("linux/" + name)) {
                String text = new String(template.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(name), text.replace("@APP_DIR@", LINUX_INSTALL_DIR + "/lib/app"));
            }
        }
        return dir;
    }

    private String modulePath(boolean withJdkModules) throws IOException {
        List<String> path = new ArrayList<>(javafxModuleJars().stream().map(Path::toString).toList());
        if (withJdkModules) {
            path.add(0, Path.of(System.getProperty("java.home"), "jmods").toString());
        }
        return String.join(java.io.File.pathSeparator, path);
    }

    private String run(String tool, String... args) {
        return runTool(tool, args);
    }

    /** Runs a tool of this JDK (jdeps, jlink, jpackage) in-process; its output, or a failure naming the call. */
    static String runTool(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (" + System.getProperty("java.home")
                        + "); build the installer with a full JDK 17"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (" + code + "): " + String.join(" ", args) + "\n" + out + err);
        }
        return out.toString();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Set<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        // exec-maven-plugin passes an empty <argument/> (an unset property) as null.
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && args[i].startsWith("--")) {
                boolean hasValue = i + 1 < args.length && (args[i + 1] == null || !args[i + 1].startsWith("--"));
                String value = hasValue ? args[++i] : null;
                options.put(args[i - (hasValue ? 1 : 0)], value == null ? "" : value);
            }
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (blank(value)) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The OS jpackage builds for: the one it runs on (it cannot cross-build). */
    public enum Platform {
        LINUX, WINDOWS, MAC;

        public static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        }

        /** deb (and rpm where rpmbuild is installed) on Linux, msi on Windows, dmg on macOS. */
        public List<String> defaultTypes() {
            return switch (this) {
                case WINDOWS -> List.of("msi");
                case MAC -> List.of("dmg");
                case LINUX -> onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
            };
        }

        static boolean onPath(String command) {
            String path = System.getenv("PATH");
            return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        }
    }
}
