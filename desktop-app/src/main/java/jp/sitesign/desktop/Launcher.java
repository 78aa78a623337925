package jp.sitesign.desktop;

import java.io.PrintWriter;
import jp.sitesign.desktop.app.DesktopWindow;
import jp.sitesign.desktop.cli.DesktopCli;

/**
 * The desktop jar's entry point. With a subcommand ({@code sign}, {@code verify}) it runs headless for
 * batch use and auditors; with none it opens the window. Deliberately not a JavaFX Application, so the
 * jar starts with JavaFX on the class path, and the headless commands never load the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        if (args.length == 0) {
            System.exit(DesktopWindow.open(args, System.getenv(), err));
        }
        System.exit(DesktopCli.run(args, out, err));
    }
}
