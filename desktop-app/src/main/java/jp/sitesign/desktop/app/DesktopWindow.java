package jp.sitesign.desktop.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import jp.sitesign.desktop.messages.DesktopMessage;

/**
 * Opens the window from the launcher, and turns "there is no screen" into a sentence in Japanese and
 * English with its own exit code instead of a stack trace.
 */
public final class DesktopWindow {
    /** Exit code when no window can be shown (no display, or the toolkit could not start). */
    public static final int NO_DISPLAY = 3;
    /** Exit code when the window's own start failed: a bug, reported with its stack trace. */
    public static final int START_FAILED = 1;

    private static final Logger javafxLogger = Logger.getLogger("javafx");
    private static final Logger pdfFontLogger = Logger.getLogger("org.apache.pdfbox.pdmodel.font");
    private static volatile Throwable startFailure;

    private DesktopWindow() {
    }

    /** Shows the window until it is closed; returns the process exit code. */
    public static int open(String[] args, Map<String, String> env, PrintWriter err) {
        return open(args, env, System.getProperty("os.name"), System.getProperty("glass.platform"), err);
    }

    static int open(String[] args, Map<String, String> env, String osName, String glassPlatform, PrintWriter err) {
        if (!DisplayCheck.displayAvailable(osName, env, glassPlatform)) {
            printBoth(err, DesktopMessage.NO_DISPLAY);
            return NO_DISPLAY;
        }
        // PDFBox draws with Java2D; AWT must not open its own connection to the display next to JavaFX's.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // The jar puts JavaFX on the class path, which JavaFX warns about on every start (the installer's
        // runtime has it as modules); and PDFBox warns each time a PDF uses a standard font it does not
        // embed, which is normal. Neither tells the user anything. Loggers kept in fields: JUL holds them weakly.
        javafxLogger.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        pdfFontLogger.setLevel(Level.SEVERE);
        startFailure = null;
        try {
            Application.launch(SiteSignApp.class, args);
        } catch (RuntimeException | LinkageError e) {
            if (startFailure == null) {
                printBoth(err, DesktopMessage.TOOLKIT_FAILED, rootMessage(e));
                return NO_DISPLAY;
            }
        }
        if (startFailure != null) {
            printBoth(err, DesktopMessage.START_FAILED);
            startFailure.printStackTrace(err);
            return START_FAILED;
        }
        return 0;
    }

    /** Before the window, no language is chosen yet: a terminal gets both, Japanese first. */
    private static void printBoth(PrintWriter err, DesktopMessage message, Object... args) {
        err.println(message.ja(args));
        err.println(message.en(args));
    }

    /** Called by the application when its own start method failed (not the toolkit). */
    static void startFailed(Throwable e) {
        startFailure = e;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
