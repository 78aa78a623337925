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
        SettingsFile settingsFile = new SettingsFile(DataHome.resolve());
        Settings settings;
        try {
            settings = settingsFile.load();
        } catch (UncheckedIOException e) {
            System.err.println("SiteSign: " + e.getMessage() + " — using the default settings");
            settings = new Settings();
        }
        renderer = PageRenderer.withPdfBox();
        renderer.runOnRenderThread(PdfBoxPageSource::warmUp);
        AppShell shell = new AppShell(settings, settingsFile, new SyncStatusHolder(), renderer, Platform::runLater);
        stage.setTitle(shell.title());
        stage.setScene(shell.scene());
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
    }

    @Override
    public void stop() {
        if (renderer != null) {
            renderer.close();
        }
    }
}
