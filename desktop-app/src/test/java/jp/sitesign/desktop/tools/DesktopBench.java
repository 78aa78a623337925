package jp.sitesign.desktop.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.app.EntryFlow;
import jp.sitesign.desktop.login.ServerTrustFile;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.model.signature.testing.TestPdfs;

/**
 * Benchmark (not a test; bench/desktop.sh) of the window as the app builds it (SiteSignApp's composition:
 * the renderer warmed up, EntryFlow on a stage), against {@link BenchServer} in another process.
 *
 * <ul>
 *   <li>{@code start HOME SERVERDIR}: milliseconds from the JVM's start to the first layout pulse of the
 *   login window (a server confirmed before, as on every start after the first). One figure per process.</li>
 *   <li>{@code login HOME SERVERDIR RUNS}: a first login that syncs the contracts (the time until the list shows
 *   the feed's first page, and until it shows the full count; not the goal's login figure), then RUNS times
 *   logout → login: from pressing ログイン to the layout pulse that shows the list's first page with the full
 *   count; then a 50-page PDF opened in the preview and every page shown once, and the process's
 *   resident memory (VmRSS) with that PDF open and the contract list alive, at once and after 70 s of quiet.</li>
 * </ul>
 */
public final class DesktopBench {
    private static final long TIMEOUT_NANOS = Long.getLong("bench.timeoutSeconds", 600) * 1_000_000_000L;

    private DesktopBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        Properties server = serverProperties(Path.of(args[2]));
        trust(home, Path.of(args[2]), server);
        Fx.startToolkit();
        PageRenderer renderer = PageRenderer.withPdfBox();
        renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
        SettingsFile settingsFile = new SettingsFile(home);
        Settings settings = settingsFile.load();
        EntryFlow[] flow = new EntryFlow[1];
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            flow[0] = new EntryFlow(s, home, settings, settingsFile, renderer, Clock.systemUTC());
            flow[0].start();
            s.show();
            return s;
        });
        watched = stage;
        waitFor(() -> stage.getScene() != null && stage.getScene().lookup("#loginButton") != null);
        Fx.nextPulse(stage.getScene());
        if (args[0].equals("start")) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("login window shown after " + (System.currentTimeMillis() - jvmStart) + " ms");
        } else {
            login(stage, flow[0], server, Integer.parseInt(args[3]), home);
        }
        Fx.run(flow[0]::close);
        renderer.close();
        Platform.exit();
        System.exit(0); // GTK's loop can outlive Platform.exit under Xvfb; a benchmark must end
    }

    private static void login(Stage stage, EntryFlow flow, Properties server, int runs, Path home) throws Exception {
        String full = String.format("%,d 件中", Integer.parseInt(server.getProperty("contracts")));
        long t = System.nanoTime();
        logIn(stage, server);
        // The first sync shows its pages as they come (issue 18): the first rows, then the full count.
        waitFor(() -> stage.getScene().lookup("#table") != null && rows(stage) > 0);
        Fx.nextPulse(stage.getScene());
        System.out.printf("first login: the list shows the feed's first page after %.1f s (%s, %s)%n",
                (System.nanoTime() - t) / 1e9, pageText(stage), text(stage, "#syncProgressLabel"));
        waitFor(() -> pageText(stage).startsWith(full));
        System.out.printf("first login with the first sync of %s contracts: %.1f s (not the goal's figure)%n",
                server.getProperty("contracts"), (System.nanoTime() - t) / 1e9);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Fx.run(() -> ((Button) stage.getScene().lookup("#logoutButton")).fire());
            waitFor(() -> stage.getScene().lookup("#loginButton") != null);
            Fx.nextPulse(stage.getScene());
            Thread.sleep(500); // the previous store closes in the background, as after a real logout
            t = System.nanoTime();
            logIn(stage, server);
            waitFor(() -> pageText(stage).startsWith(full) && rows(stage) > 0);
            Fx.nextPulse(stage.getScene());
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("login → contract list (%s contracts), %d runs: median %.0f ms, max %.0f ms, all %s%n",
                server.getProperty("contracts"), runs, times.get(times.size() / 2), times.get(times.size() - 1),
                times);
        memory(stage, flow, home);
    }

    private static void memory(Stage stage, EntryFlow flow, Path home) throws Exception {
        Path pdf = Files.write(home.resolve("50-pages.pdf"), TestPdfs.multiPage(50));
        AppShell shell = flow.shell();
        Fx.run(() -> shell.mainViewModel().selectedSectionProperty().set(Section.DOCUMENTS));
        waitFor(() -> shell.previewViewModel() != null);
        PreviewViewModel preview = shell.previewViewModel();
        Fx.run(() -> preview.open(pdf));
        waitFor(() -> preview.pageCountProperty().get() == 50);
        for (int page = 0; page < 50; page++) {
            int p = page;
            Fx.run(() -> preview.goTo(p));
            Fx.nextPulse(stage.getScene());
        }
        Thread.sleep(2000); // prefetch and thumbnails settle
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("resident memory with the 50-page PDF open (all pages shown once) and the list alive: "
                + "%d MB (heap used %d MB, committed %d MB, max %d MB)%n", rssMb(), before.getUsed() >> 20,
                before.getCommitted() >> 20, before.getMax() >> 20);
        Thread.sleep(70_000); // a user reading: the periodic collection (jvm.options) comes within 2 × 30 s
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("  the same after 70 s of quiet: %d MB (heap used %d MB, committed %d MB, max %d MB)%n",
                rssMb(), heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20);
        Thread.sleep(Long.getLong("bench.holdSeconds", 0) * 1000); // time for jcmd / jmap from outside
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static void logIn(Stage stage, Properties server) throws Exception {
        Fx.run(() -> {
            Scene scene = stage.getScene();
            ((TextInputControl) scene.lookup("#userId")).setText(server.getProperty("user"));
            ((TextInputControl) scene.lookup("#password")).setText(server.getProperty("password"));
            ((Button) scene.lookup("#loginButton")).fire();
        });
    }

    private static String pageText(Stage stage) throws Exception {
        return text(stage, "#pageLabel");
    }

    private static String text(Stage stage, String id) throws Exception {
        Node node = stage.getScene().lookup(id);
        return node instanceof Label label && label.getText() != null ? label.getText() : "";
    }

    private static Stage watched;

    private static String showing() throws Exception {
        return watched == null || watched.getScene() == null ? "nothing"
                : "list '" + pageText(watched) + "', status '" + text(watched, "#pendingLabel") + "', message '"
                + text(watched, "#messageLabel") + "'";
    }

    private static int rows(Stage stage) {
        Node node = stage.getScene().lookup("#table");
        return node instanceof TableView<?> table ? table.getItems().size() : 0;
    }

    /** Polls {@code condition} on the FX thread until it holds. */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!Fx.call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there in time; it shows "
                        + Fx.call(DesktopBench::showing));
            }
            Thread.sleep(2);
        }
    }

    private static Properties serverProperties(Path dir) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static void trust(Path home, Path serverDir, Properties server) throws Exception {
        ServerTrustFile file = new ServerTrustFile(home);
        if (file.load().isEmpty()) {
            file.save(new ServerTrustFile.ServerTrust(URI.create(server.getProperty("address")),
                    CertificatePem.decode(Files.readAllBytes(serverDir.resolve("server.pem"))).get(0)));
        }
    }
}
