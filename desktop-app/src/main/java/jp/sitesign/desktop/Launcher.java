package jp.sitesign.desktop;

import java.io.PrintWriter;
import jp.sitesign.desktop.cli.DesktopCli;

/**
 * The desktop jar's entry point. With a subcommand ({@code sign}, {@code verify}) it runs headless for
 * batch use and auditors; with none it opens the window. Deliberately not a JavaFX Application, so the
 * jar starts with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        if (args.length == 0) {
            err.println("SiteSign デスクトップ画面は次の版で提供されます。署名と検証はコマンドで行えます（--help）。");
            err.println("The SiteSign desktop window arrives in a later version; signing and verifying work as commands"
                    + " (--help).");
            System.exit(DesktopCli.run(new String[] {"--help"}, out, err));
        }
        System.exit(DesktopCli.run(args, out, err));
    }
}
