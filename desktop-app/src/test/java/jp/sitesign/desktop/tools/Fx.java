package jp.sitesign.desktop.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Helpers for the screenshot and benchmark mains: run on the FX thread, wait for pulses, write PNGs. */
public final class Fx {
    private Fx() {
    }

    /** Starts JavaFX, or uses the running toolkit (a test JVM where another test started it). */
    public static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await(60, TimeUnit.SECONDS);
    }

    public static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    public static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the scene has been laid out in a pulse after this call. */
    public static void nextPulse(Scene scene) throws Exception {
        CountDownLatch pulsed = new CountDownLatch(1);
        run(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                pulsed.countDown();
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        pulsed.await(60, TimeUnit.SECONDS);
    }

    /** Writes what {@code scene} shows now to {@code file} as PNG. */
    public static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = call(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file);
    }
}
