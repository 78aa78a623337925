package jp.sitesign.desktop.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.SyncStatusHolder;

/**
 * Benchmark (not a test; bench/preview.sh): milliseconds from the JVM's start to the first layout pulse
 * of the main window shell, built as the app builds it. One measurement per process.
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("sitesign-startup-bench");
        Fx.startToolkit();
        PageRenderer renderer = PageRenderer.withPdfBox();
        SettingsFile file = new SettingsFile(home);
        AppShell shell = new AppShell(file.load(), file, new SyncStatusHolder(), renderer, Platform::runLater);
        Scene scene = Fx.call(() -> {
            Stage stage = new Stage();
            stage.setTitle(shell.title());
            stage.setScene(shell.scene());
            stage.show();
            return stage.getScene();
        });
        Fx.nextPulse(scene);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("main window shown after " + (System.currentTimeMillis() - jvmStart) + " ms");
        renderer.close();
        Platform.exit();
        System.exit(0); // GTK's loop can outlive Platform.exit under Xvfb; a benchmark must end
    }
}
