package jp.sitesign.desktop.cli;

import java.io.PrintWriter;

/**
 * A batch's progress on stderr: files done of the total and the rate so far, a line at most every second and one
 * at the end. Whole lines rather than one rewritten line, so a log file or a CI console reads as well as a
 * terminal; {@code --quiet} or a single file shows nothing.
 */
final class Progress {
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean silent;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private int done;

    Progress(PrintWriter err, int total, boolean silent) {
        this.err = err;
        this.total = total;
        this.silent = silent;
    }

    void advance() {
        done++;
        long now = System.nanoTime();
        if (!silent && (done == total || now - lastShown >= EVERY_NANOS)) {
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            err.println(CliMessage.PROGRESS.line(done, total, String.format("%.1f", done / seconds)));
            err.flush();
            lastShown = now;
        }
    }
}
