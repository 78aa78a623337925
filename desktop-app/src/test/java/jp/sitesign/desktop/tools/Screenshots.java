package jp.sitesign.desktop.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.app.SyncStatusHolder;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.preview.PreviewViewModel;
import jp.sitesign.desktop.settings.Language;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.model.signature.testing.TestPdfs;

/**
 * Screenshots of the window for a person to look at (scripts/screenshots.sh; not a test, not committed):
 * the shell with a sync state in both languages, the PDF preview on a generated 50-page PDF, settings.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Path home = Files.createTempDirectory("sitesign-screenshots");
        Path pdf = Files.write(home.resolve("注文書-50ページ.pdf"), TestPdfs.multiPage(50));
        Fx.startToolkit();
        PageRenderer renderer = PageRenderer.withPdfBox();
        try {
            for (Language language : Language.values()) {
                shoot(language, home, pdf, renderer, out);
            }
        } finally {
            renderer.close();
            Platform.exit();
        }
        System.exit(0); // GTK's loop can outlive Platform.exit under Xvfb; a tool must end
    }

    private static void shoot(Language language, Path home, Path pdf, PageRenderer renderer, Path out) throws Exception {
        String lang = language.code();
        Settings settings = new Settings();
        settings.languageProperty().set(language);
        SyncStatusHolder sync = new SyncStatusHolder();
        AppShell shell = new AppShell(settings, new SettingsFile(home), sync, renderer, Platform::runLater);
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            s.setTitle(shell.title());
            s.setScene(shell.scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            sync.setOnline(true);
            sync.setPendingCommands(2);
            sync.setLastSync(Instant.now());
            sync.setConflicts(1);
            shell.mainViewModel().unreadNoticesProperty().set(3);
            return s;
        });
        Scene scene = stage.getScene();
        Fx.nextPulse(scene);
        Fx.snapshot(scene, out.resolve("main-window-" + lang + ".png"));

        CountDownLatch shown = new CountDownLatch(1);
        Fx.run(() -> {
            shell.mainViewModel().selectedSectionProperty().set(Section.DOCUMENTS);
            PreviewViewModel preview = shell.previewViewModel();
            preview.shownPageProperty().addListener((obs, old, page) -> {
                if (page != null && page.pageIndex() == 1) {
                    shown.countDown();
                }
            });
            preview.open(pdf);
            preview.currentPageProperty().addListener((obs, old, page) -> { });
        });
        // Page 2, so the thumbnail selection and the page buttons show something to look at.
        waitUntilOpen(shell);
        Fx.run(() -> shell.previewViewModel().nextPage());
        shown.await(60, TimeUnit.SECONDS);
        Thread.sleep(1500); // let the visible thumbnails draw; a picture for people, not a measurement
        Fx.nextPulse(scene);
        Fx.snapshot(scene, out.resolve("preview-" + lang + ".png"));

        Fx.run(() -> shell.mainViewModel().selectedSectionProperty().set(Section.SETTINGS));
        Fx.nextPulse(scene);
        Fx.snapshot(scene, out.resolve("settings-" + lang + ".png"));
        Fx.run(stage::close);
    }

    private static void waitUntilOpen(AppShell shell) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Fx.call(() -> shell.previewViewModel().shownPageProperty().get() == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the PDF did not open");
            }
            Thread.sleep(20);
        }
    }
}
