package jp.sitesign.desktop.app;

import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PdfBoxPageSource;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.store.DataHome;

/** The JavaFX application: started by {@link DesktopWindow} (the launcher is not an Application). */
public final class SiteSignApp extends Application {
    private PageRenderer renderer;
    private EntryFlow entry;

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
        renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
        // First run or login, then the main window with the session (EntryFlow decides which).
        // The settings stay in the standard home; stores and server trust live in the chosen data folder.
        java.nio.file.Path data = settings.dataFolder() != null ? settings.dataFolder() : home;
        entry = new EntryFlow(stage, data, settings, settingsFile, renderer, java.time.Clock.systemUTC());
        entry.start();
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
    }

    @Override
    public void stop() {
        if (entry != null) {
            entry.close();
        }
        if (renderer != null) {
            renderer.close();
        }
    }
}
