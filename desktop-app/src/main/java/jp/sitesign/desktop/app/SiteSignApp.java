package jp.sitesign.desktop.app;

import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.store.DataHome;

/** The JavaFX application: started by {@link DesktopWindow} (the launcher is not an Application). */
public final class SiteSignApp extends Application {
    /**
     * Set by the installer build's class-list run (ADR 20): the app starts as a user's first start does, lets the
     * preview warm up, and exits, so the JVM can list the classes a start loads.
     */
    public static final String EXIT_AFTER_START = "sitesign.exitAfterStart";
    private PageRenderer renderer;
    private EntryFlow entry;
    private WindowKeeper window;

    @Override
    public void start(Stage stage) {
        try {
            show(stage);
        } catch (RuntimeException | Error e) {
            DesktopWindow.startFailed(e);
            Platform.exit();
        }
    }

    private void show(Stage stage) {
        java.nio.file.Path home = DataHome.resolve();
        SettingsFile settingsFile = new SettingsFile(home);
        Settings settings;
        try {
            settings = settingsFile.load();
        } catch (UncheckedIOException e) {
            System.err.println("SiteSign: " + e.getMessage() + " — using the default settings");
            settings = new Settings();
        }
        renderer = PageRenderer.withPdfBox();
        // First run or login, then the main window with the session (EntryFlow decides which).
        // The settings stay in the standard home; stores and server trust live in the chosen data folder.
        java.nio.file.Path data = settings.dataFolder() != null ? settings.dataFolder() : home;
        entry = new EntryFlow(stage, data, settings, settingsFile, renderer, java.time.Clock.systemUTC());
        jp.sitesign.desktop.login.DemoLogins.find(System.getenv()).ifPresent(entry::demo);
        entry.start();
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        window = WindowKeeper.place(stage, settings, settingsFile);
        stage.show();
        warmUpAfterFirstFrame(stage);
    }

    /**
     * The preview's one-time start-up (PDFBox and Java2D classes, fonts) is paid once the first window is laid out,
     * not before: on a two-core laptop it would otherwise compete with the toolkit's own start for the CPU and delay
     * the first window (BENCHMARKS.md, "Installers"); the user is still typing a password when it runs.
     */
    private void warmUpAfterFirstFrame(Stage stage) {
        Scene scene = stage.getScene();
        if (scene == null) {
            renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean started;

            @Override
            public void run() {
                if (!started) {
                    started = true;
                    renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
                    if (Boolean.getBoolean(EXIT_AFTER_START)) {
                        renderer.runOnRenderThread(() -> Platform.runLater(Platform::exit));
                    }
                    // Not from inside the pulse that is calling its listeners.
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                }
            }
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.save();
        }
        if (entry != null) {
            entry.close();
        }
        if (renderer != null) {
            renderer.close();
        }
    }
}
